"""factory_boy factories shared by every test folder."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import District, Organisation, OrganisationDomain, Sector, User
from accounts.roles import STAFF_GROUPS

DEFAULT_PASSWORD = "a-Strong-passphrase-42"
# The TOTP secret of every test user with two-step sign-in (base32); ``totp_code()`` gives its current code.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def enable_totp(user: User) -> None:
    """Set up TOTP (allauth.mfa) for the user, as if they had scanned the QR code."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TEST_TOTP_SECRET)


def totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    """The current code of a TOTP secret, as an authenticator app would show it."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def district(slug: str = "fenland") -> District:
    return District.objects.get(slug=slug)


def sector(slug: str = "police") -> Sector:
    return Sector.objects.get(slug=slug)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    sector = factory.LazyFunction(sector)
    is_partner = True


class OrganisationDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationDomain

    organisation = factory.SubFactory(OrganisationFactory)
    domain = factory.Sequence(lambda n: f"org{n}.example.org")


class UserFactory(factory.django.DjangoModelFactory):
    """A professional with a complete profile and a verified email address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Social worker"
    organisation = factory.SubFactory(OrganisationFactory)
    district = factory.LazyFunction(district)
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=True)
        if create:
            self.save()

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """Staff (a staff group or the superuser flag) get TOTP set up unless ``totp=False``: the site requires
        it of them. ``totp=True`` sets it up for anyone; codes come from ``totp_code()``."""
        if not create:
            return
        wanted = (
            extracted
            if extracted is not None
            else (self.is_superuser or self.groups.filter(name__in=STAFF_GROUPS).exists())
        )
        if wanted:
            enable_totp(self)


class IncompleteUserFactory(UserFactory):
    """Just signed up: no organisation, district or job title yet."""

    job_title = ""
    organisation = None
    district = None


# --- Courses: catalogue, course and module pages ------------------------------------------------------------


def question(text: str, options: list[tuple[str, bool]], *, multiple: bool = False, feedback: str = "") -> dict:
    """A knowledge-check question as the block stores it: options are (text, correct) pairs."""
    return {
        "text": text,
        "multiple": multiple,
        "options": [{"text": option, "correct": correct} for option, correct in options],
        "feedback": feedback or f"Feedback on: {text}",
    }


def knowledge_check(*questions: dict, pass_mark: int = 80, title: str = "Check your understanding") -> dict:
    return {"title": title, "pass_mark": pass_mark, "questions": list(questions)}


class _ChildPageFactory(factory.django.DjangoModelFactory):
    """Pages are created under a ``parent`` page (required), live, in tree order."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        assert parent is not None, "pass parent=<page>"
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class CourseIndexPageFactory(_ChildPageFactory):
    class Meta:
        model = "courses.CourseIndexPage"

    title = "Courses"
    slug = "courses"


class CoursePageFactory(_ChildPageFactory):
    class Meta:
        model = "courses.CoursePage"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "What the course covers, in a sentence or two."
    learning_outcomes = "Recognise the signs\nRespond safely"
    certificate_validity_months = 36

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        """``topics=["domestic_abuse", ...]`` (Topic slugs)."""
        if create and extracted:
            from courses.models import Topic

            self.topics.set(Topic.objects.filter(slug__in=extracted))
            self.save()

    @factory.post_generation
    def prerequisites(self, create, extracted, **kwargs):
        if create and extracted:
            self.prerequisites.set(extracted)
            self.save()


class ModulePageFactory(_ChildPageFactory):
    """A module; ``check=knowledge_check(...)`` adds a knowledge check after the text."""

    class Meta:
        model = "courses.ModulePage"

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")

    @classmethod
    def _create(cls, model_class, *args, check=None, **kwargs):
        if "body" not in kwargs:
            kwargs["body"] = [
                {"type": "heading", "value": "Why this matters"},
                {"type": "paragraph", "value": f"<p>The text of {kwargs.get('title', 'this module')}.</p>"},
            ]
        if check is not None:
            kwargs["body"] = [*kwargs["body"], {"type": "knowledge_check", "value": check}]
        return super()._create(model_class, *args, **kwargs)
