"""The Domestic Abuse Champion Network: champions, the directory, contacts, network events and activity.

Every record the measures read (status changes, attendance, contacts,
activity) copies the person's organisation, sector and district *at the
moment it is made*, as ``courses.Completion`` does, so that a figure
reported for a past quarter never changes when somebody moves job.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from accounts.decorators import profile_required
from home.models import ReferenceData

# Bounds on "people reached" in one activity entry: a whole-school assembly is
# a few hundred; anything past this is a typing slip, not a briefing.
PEOPLE_REACHED_MAX = 1000
ACTIVITY_NOTE_MAX = 200


class Language(ReferenceData):
    """A language a champion can support colleagues in (reference data, loaded by a migration)."""


class ChampionStatus(models.TextChoices):
    APPLIED = "applied", "Applied"
    ACTIVE = "active", "Active"
    DECLINED = "declined", "Declined"
    LAPSED = "lapsed", "Lapsed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ChampionProfile(models.Model):
    """One per person who has ever applied to be a champion.

    The status moves only through ``champions.services`` (which writes a
    ``ChampionStatusChange`` each time), never by editing this row directly.
    ``search_text`` is a lower-cased copy of everything the directory's text
    search looks at (name, job title, organisation with its sector and sector
    group, bio, specialisms, languages, districts), kept up to date by the
    services and by signals when the person's name or organisation, or the
    organisation's name or sector, or a sector changes.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="champion_profile")
    status = models.CharField(max_length=20, choices=ChampionStatus.choices, default=ChampionStatus.APPLIED)
    applied_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    decline_reason = models.TextField(blank=True)

    bio = models.TextField(
        blank=True,
        max_length=1000,
        help_text="What you can help colleagues with. Never include details of anyone you have supported.",
    )
    specialisms = models.ManyToManyField("courses.Topic", blank=True, related_name="+")
    languages = models.ManyToManyField(Language, blank=True, related_name="+")
    districts = models.ManyToManyField(
        "accounts.District",
        verbose_name="districts covered",
        blank=True,
        related_name="+",
        help_text="Where colleagues can come to you. Countywide champions appear under every district.",
    )
    visible_in_directory = models.BooleanField(
        "show me in the champion directory",
        default=False,
        help_text="Signed-in professionals can find you and send you a message through the platform.",
    )
    share_contact_details = models.BooleanField(
        "share my work email and phone with other active champions",
        default=False,
        help_text="Only other active champions see them. Everyone else contacts you through the platform.",
    )
    work_email = models.EmailField(blank=True, help_text="Leave blank to use your sign-in address.")
    work_phone = models.CharField(max_length=30, blank=True)

    search_text = models.TextField(blank=True, editable=False)
    unconfirmed_since = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="Set when the champion did not answer their yearly check-in within 30 days: they are hidden from "
        "the directory (still active) until they confirm.",
    )

    class Meta:
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["status"],
                condition=Q(status="active", visible_in_directory=True),
                name="champion_in_directory_idx",
            ),
            models.Index(fields=["status", "status_changed_at"], name="champion_status_idx"),
        ]
        permissions = [
            ("approve_championprofile", "Can approve or decline champion applications"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_status_display().lower()} champion)"

    @property
    def is_active(self) -> bool:
        return self.status == ChampionStatus.ACTIVE

    @property
    def in_directory(self) -> bool:
        return (
            self.status == ChampionStatus.ACTIVE
            and self.visible_in_directory
            and self.unconfirmed_since is None
            and self.user.is_active
        )

    @property
    def contact_email(self) -> str:
        return self.work_email or self.user.email


class CopiedPlaceMixin(models.Model):
    """Where the person worked when the record was made (copied, never read live)."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sector = models.ForeignKey("accounts.Sector", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    district = models.ForeignKey("accounts.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        abstract = True

    def copy_place_from(self, user) -> None:
        self.organisation_id = user.organisation_id
        self.sector_id = user.organisation.sector_id if user.organisation_id else None
        self.district_id = user.district_id


class ChampionStatusChange(CopiedPlaceMixin):
    """Every status change, so the status on any past day is known.

    ``user`` repeats ``profile.user`` so that the measures read one table.
    ``changed_on`` is the day in Europe/London on which it happened.
    """

    profile = models.ForeignKey(ChampionProfile, on_delete=models.PROTECT, related_name="status_changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_status = models.CharField(max_length=20, choices=ChampionStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ChampionStatus.choices)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_on = models.DateField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Blank when the platform made the change (e.g. the nightly lapse).",
    )
    reason = models.TextField(blank=True)
    agreement = models.ForeignKey(
        "ManagerAgreement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_changes",
        help_text="On an approval: the line manager's agreement (by link or on paper) it was made on.",
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [
            models.Index(fields=["profile", "changed_on", "changed_at"], name="champion_change_profile_idx"),
            models.Index(fields=["to_status", "changed_on"], name="champion_change_to_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.from_status or 'new'} -> {self.to_status} on {self.changed_on}"


class ManagerAgreement(models.Model):
    """A line manager's answer to the champion role agreement, asked for when someone applies.

    The manager answers through a signed link emailed to them (no account needed) that works until
    ``expires_at``; or a training manager records an agreement signed on paper, with a note. The text the
    manager was shown is copied here when they answer, so a later edit of the site setting never changes what
    was agreed. Kept for good (PROTECT): the approval's status change points at it.
    """

    class Outcome(models.TextChoices):
        WAITING = "waiting", "Waiting for the manager"
        AGREED = "agreed", "Agreed through the emailed link"
        DECLINED = "declined", "Declined through the emailed link"
        PAPER = "paper", "Agreed on paper"

    profile = models.ForeignKey(ChampionProfile, on_delete=models.PROTECT, related_name="agreements")
    manager_name = models.CharField("line manager's name", max_length=150)
    manager_email = models.EmailField("line manager's work email")
    requested_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.WAITING)
    answered_at = models.DateTimeField(null=True, blank=True)
    agreement_text = models.TextField(blank=True, help_text="The role agreement as it read when it was answered.")
    comment = models.CharField(max_length=500, blank=True, help_text="The manager's comment, when they decline.")
    note = models.TextField(blank=True, help_text="A training manager's note on a paper agreement.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["profile", "-requested_at"], name="champion_agreement_profile_idx")]

    def __str__(self) -> str:
        return f"{self.manager_name} for {self.profile.user}: {self.get_outcome_display().lower()}"

    @property
    def allows_approval(self) -> bool:
        return self.outcome in (self.Outcome.AGREED, self.Outcome.PAPER)

    def is_expired(self, now=None) -> bool:
        return self.outcome == self.Outcome.WAITING and (now or timezone.now()) >= self.expires_at


class ChampionCheckIn(models.Model):
    """The yearly question to an active champion: are you still in the role, and are your details right?

    One per champion and anniversary of approval (``due_on``), made and emailed once by the daily task.
    ``hidden_at``: no answer within 30 days, so the champion was hidden from the directory and told so.
    """

    profile = models.ForeignKey(ChampionProfile, on_delete=models.PROTECT, related_name="check_ins")
    due_on = models.DateField(help_text="The anniversary of approval this check-in is for.")
    sent_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-due_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["profile", "due_on"], name="one_check_in_per_anniversary")]
        indexes = [models.Index(fields=["due_on"], name="champion_check_in_due_idx", condition=Q(confirmed_at=None))]

    def __str__(self) -> str:
        return f"Check-in of {self.profile.user} for {self.due_on}"


class ChampionContact(CopiedPlaceMixin):
    """Someone contacted a champion through the directory. The message itself is never stored.

    ``organisation``/``sector``/``district`` are the *sender's*.
    """

    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    champion = models.ForeignKey(ChampionProfile, on_delete=models.PROTECT, related_name="contacts")
    sent_at = models.DateTimeField(default=timezone.now)
    sent_on = models.DateField()

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["sender", "sent_on"], name="champion_contact_sender_idx"),
            models.Index(fields=["sent_on"], name="champion_contact_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.sender} contacted {self.champion.user} on {self.sent_on}"


class NetworkEvent(models.Model):
    """A champion forum, briefing or group supervision, in person or online."""

    class Kind(models.TextChoices):
        FORUM = "forum", "Champion forum"
        BRIEFING = "briefing", "Briefing"
        SUPERVISION = "supervision", "Group supervision"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FORUM)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=250, blank=True, help_text="The address, for an event in person.")
    online_link = models.URLField(blank=True, help_text="The joining link, for an online event.")
    district = models.ForeignKey("accounts.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    description = models.TextField(blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("venue"),
        FieldPanel("online_link"),
        FieldPanel("district"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=~Q(venue="") | ~Q(online_link=""), name="event_has_venue_or_link"),
        ]
        indexes = [models.Index(fields=["starts_at"], name="network_event_start_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d %b %Y})"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The event must end after it starts."
        if not self.venue.strip() and not self.online_link.strip():
            errors["venue"] = "Give a venue, an online link, or both."
        if errors:
            raise ValidationError(errors)


class NetworkAttendance(CopiedPlaceMixin):
    """A person attended a network event (ticked on the register or imported)."""

    class Source(models.TextChoices):
        REGISTER = "register", "Register"
        IMPORT = "import", "Imported"

    event = models.ForeignKey(NetworkEvent, on_delete=models.PROTECT, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.REGISTER)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["event", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_attendance_per_event")]
        indexes = [models.Index(fields=["user", "event"], name="network_attendance_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} attended {self.event}"


class ChampionActivity(CopiedPlaceMixin):
    """What a champion did in their role, as counts only: never details of a victim."""

    class Kind(models.TextChoices):
        BRIEFED = "colleagues_briefed", "Colleagues briefed (cascade training)"
        AWARENESS_EVENT = "awareness_event", "Awareness event run"
        ADVISED = "colleague_advised", "Colleague advised"

    champion = models.ForeignKey(ChampionProfile, on_delete=models.PROTECT, related_name="activities")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    activity_date = models.DateField()
    kind = models.CharField(max_length=30, choices=Kind.choices)
    topic = models.ForeignKey("courses.Topic", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    people_reached = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(PEOPLE_REACHED_MAX)]
    )
    note = models.CharField(max_length=ACTIVITY_NOTE_MAX, blank=True)
    logged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-activity_date", "-logged_at"]
        verbose_name_plural = "champion activities"
        constraints = [
            models.CheckConstraint(
                condition=Q(people_reached__gte=1, people_reached__lte=PEOPLE_REACHED_MAX),
                name="activity_people_reached_in_range",
            ),
        ]
        indexes = [
            models.Index(fields=["activity_date"], name="champion_activity_date_idx"),
            models.Index(fields=["champion", "activity_date"], name="champion_activity_champ_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.people_reached}) on {self.activity_date}"


class ChampionDirectoryPage(RoutablePageMixin, Page):
    """The directory of active champions, for signed-in professionals with a complete profile.

    Serves the search (``/``), each champion's page (``/<id>/``) and the
    message form (``/<id>/contact/``), as routes of the page.
    """

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "champion directory page"

    # The routes read through the selectors and act through the services (imported when called: both import
    # this module's models).

    @path("")
    @method_decorator(profile_required)
    def directory(self, request):
        """Search and filter the directory; unknown filter values are ignored and said so."""
        from . import selectors
        from .forms import SORT_CHOICES, DirectoryFilters

        options = selectors.directory_filter_options()
        query = DirectoryFilters.parse(request.GET, options)
        params = request.GET.copy()
        params.pop("page", None)
        searched = any(
            (query.terms, query.district, query.sector, query.organisation, query.specialism, query.language)
        )
        return self.render(
            request,
            context_overrides={
                "filters": DirectoryFilters.controls(options, query),
                "sort_choices": SORT_CHOICES,
                "query": query,
                "results": selectors.directory_page(query, request.GET.get("page")),
                "query_string": params.urlencode(),
                "searched": searched,
            },
        )

    @path("<int:profile_id>/")
    @method_decorator(profile_required)
    def champion(self, request, profile_id: int):
        """One champion's page; 404 for anyone not in the directory (hidden, lapsed, withdrawn, unknown).

        Work email and phone are put in the page only for viewers who are active
        champions themselves, and only when this champion chose to share them.
        """
        from . import selectors

        profile = selectors.directory_champion(profile_id)
        if profile is None:
            raise Http404("No champion found.")
        return self.render(
            request,
            template="champions/champion_detail.html",
            context_overrides={
                "champion": profile,
                "show_contact_details": profile.share_contact_details and selectors.is_active_champion(request.user),
                "is_self": profile.user_id == request.user.pk,
            },
        )

    @path("<int:profile_id>/contact/")
    @method_decorator(profile_required)
    def contact(self, request, profile_id: int):
        """Send a champion a message, relayed by email with Reply-To set to the sender."""
        from . import selectors, services
        from .forms import ContactForm

        profile = selectors.directory_champion(profile_id)
        if profile is None:
            raise Http404("No champion found.")
        form = ContactForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.contact_champion(request.user, profile, form.cleaned_data["message"])
            except services.ChampionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    f"Your message has been sent to {profile.user.full_name}. They will reply to your email address.",
                )
                return redirect(self.champion_url(profile.pk))
        return self.render(
            request,
            template="champions/contact_champion.html",
            context_overrides={"champion": profile, "form": form, "is_self": profile.user_id == request.user.pk},
        )

    def champion_url(self, profile_id: int) -> str:
        return self.url + self.reverse_subpage("champion", args=[profile_id])
