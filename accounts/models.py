"""People and the organisations they work for.

A person is counted where they *work*: their organisation and work district,
which completions copy at the moment of completion.
"""

from django import forms
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from home.text import validate_no_control_characters


class District(models.Model):
    """One of the six districts, or Countywide / Outside the area (no ONS code)."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    ons_name = models.CharField(
        "ONS name", max_length=80, blank=True, help_text="The district's name in ONS statistics, where it differs."
    )
    ons_code = models.CharField("ONS code", max_length=9, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ons_code"], condition=~models.Q(ons_code=""), name="district_ons_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SectorGroup(models.TextChoices):
    """The roll-up used in reports (e.g. all NHS sectors together)."""

    POLICE = "police", "Police"
    JUSTICE = "justice", "Probation and justice"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    NHS = "nhs", "NHS and integrated care board"
    EDUCATION = "education", "Education"
    FIRE = "fire", "Fire and rescue"
    HOUSING_ASSOCIATION = "housing_association", "Housing associations"
    SPECIALIST = "specialist", "Specialist DA/SV service"
    VOLUNTARY = "voluntary", "Other voluntary and community"
    FAITH = "faith", "Faith"
    BUSINESS = "business", "Business"


class Sector(models.Model):
    """A short fixed list, loaded by a data migration, grouped so that reports can roll up."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    group = models.CharField(max_length=30, choices=SectorGroup.choices, db_index=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Organisation(ClusterableModel):
    name = models.CharField(max_length=200)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="organisations")
    districts_served = ParentalManyToManyField(District, blank=True, related_name="organisations")
    is_partner = models.BooleanField(
        "partner organisation", default=False, help_text="A signed-up member of the partnership."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("districts_served", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_partner"),
        InlinePanel(
            "email_domains",
            heading="Email domains",
            label="Domain",
            help_text="New accounts with an address at one of these domains are placed in this organisation.",
        ),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="organisation_name_ci_unique")]
        permissions = [
            ("view_partner_figures", "Can view partner figures and own organisation's staff"),
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationDomain(models.Model):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(
        max_length=120,
        help_text="The part after the @, e.g. cambs.police.uk. Shared domains such as nhs.net do not "
        "belong to one organisation and should not be entered.",
    )

    panels = [FieldPanel("domain")]

    class Meta:
        ordering = ["domain"]
        constraints = [models.UniqueConstraint(Lower("domain"), name="organisation_domain_ci_unique")]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        # The whole address is lower-cased: people type their work address in
        # any case, and one person must never end up with two accounts.
        return (email or "").strip().lower()

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Email is the login; roles are groups, not flags."""

    email = models.EmailField("email address", max_length=254, unique=True)
    # One line each: a name goes into email headers and certificates, where a line break is an attack.
    full_name = models.CharField(max_length=150, validators=[validate_no_control_characters])
    job_title = models.CharField(max_length=150, blank=True, validators=[validate_no_control_characters])
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="staff"
    )
    district = models.ForeignKey(
        District,
        verbose_name="work district",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Where you work (not where you live). Choose Countywide if your role covers the whole county.",
    )
    is_staff = models.BooleanField(
        "Django admin access", default=False, help_text="Access to the Django admin (not needed for the CMS)."
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # Set when the person's personal data was erased (at their request or by the retention schedule): the
    # row stays, under a pseudonym, so that every figure that counted them still counts them once.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def profile_is_complete(self) -> bool:
        """A professional can enrol only once we know where they work and what they do."""
        return bool(self.full_name and self.job_title and self.organisation_id and self.district_id)
