"""factory_boy factories shared by every test folder."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import District, Organisation, OrganisationDomain, Sector, User

DEFAULT_PASSWORD = "a-Strong-passphrase-42"


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


class IncompleteUserFactory(UserFactory):
    """Just signed up: no organisation, district or job title yet."""

    job_title = ""
    organisation = None
    district = None
