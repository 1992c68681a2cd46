import uuid

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import StandardStreamBlock


class ReferenceData(models.Model):
    """A short fixed list that a data migration loads (topics, languages): a name, a slug, an order to list in.

    Abstract: each app keeps its own table; this only writes their shape once.
    """

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class HomePage(Page):
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    body = StreamField(StandardStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]


class StandardPage(Page):
    """An ordinary content page: about, privacy, accessibility, get help now."""

    intro = models.TextField(blank=True, max_length=500)
    body = StreamField(StandardStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]


QUICK_EXIT_DEFAULT = "https://www.bbc.co.uk/weather"

CHAMPION_ROLE_AGREEMENT_DEFAULT = """\
A Domestic Abuse Champion is the domestic abuse point of contact in their workplace: they support colleagues \
who are worried about someone, share what they have learnt, and keep their training up to date.

As their line manager, you agree to:

- release them for the champion network meetings, held every 9 to 10 weeks (about two hours each, in person \
or online);
- release them to cascade what they have learnt to colleagues: short briefings in team meetings and, now and \
then, an awareness event;
- give them time to renew their champion training when their certificate comes up for renewal;
- support them after a difficult conversation, and tell the partnership's training team if they leave the role.

The champion role sits alongside their job: it does not replace your organisation's safeguarding procedures."""


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Things a training manager can change without a developer."""

    partnership_name = models.CharField(max_length=150, default="Cambridgeshire & Peterborough DASV Partnership")
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    help_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'Get help now' page linked from every page.",
    )
    quick_exit_url = models.URLField(
        "exit this page address",
        default=QUICK_EXIT_DEFAULT,
        # Only web addresses: the exit redirect must never become a javascript: or data: link.
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Where 'Exit this page' takes people, after ending their session: an innocuous page that "
        "loads fast and shows nothing personal, such as a weather forecast.",
    )
    footer_text = models.TextField(
        blank=True,
        default="If you are in immediate danger, call 999. If you cannot speak, call 999 and press 55 when asked.",
    )
    contact_email = models.EmailField(blank=True, default="dasv.training@example.org")
    champion_role_agreement = models.TextField(
        "champion role agreement",
        default=CHAMPION_ROLE_AGREEMENT_DEFAULT,
        max_length=5000,
        help_text="What a champion applicant's line manager agrees to through the emailed link: the time released "
        "for network meetings (every 9-10 weeks) and for cascading training. Blank lines separate paragraphs; "
        "lines starting with '- ' are shown as a list. Each answer keeps the text as it read then.",
    )

    panels = [
        FieldPanel("partnership_name"),
        FieldPanel("logo"),
        FieldPanel("help_page"),
        FieldPanel("quick_exit_url"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        FieldPanel("champion_role_agreement"),
    ]

    class Meta:
        verbose_name = "site settings"


class WorkerHeartbeat(models.Model):
    """When the background worker last ran a task: shown on /health/ for operations."""

    name = models.CharField(max_length=50, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.seen_at:%Y-%m-%d %H:%M}"


class BackgroundJob(models.Model):
    """Work a person asked for that runs in the worker (an import, a large ZIP, a board report), with progress.

    The app that runs the job names its ``kind`` and reports progress through ``home.services``; the
    person who asked follows it on the job's page, which only they may see. ``upload`` is the file the
    job reads (in media storage, so a worker on another machine can read it); ``file`` is what it made
    for download, until ``expires_at``.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "In progress"
        DONE = "done", "Finished"
        FAILED = "failed", "Not finished"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=60, help_text="Which work this is, named by the app that runs it.")
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="background_jobs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=100, blank=True, help_text="What it is doing now, e.g. “Checking rows”.")
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    upload = models.FileField(upload_to="job-uploads/", max_length=300, blank=True)
    file = models.FileField(max_length=300, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    result = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the page shows when it ends: message, figures ([label, value] pairs), problems.",
    )
    return_url = models.CharField(max_length=300, blank=True)
    return_label = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="When its file is deleted (never, if blank).")

    class Meta:
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="home_job_owner_created"),
            models.Index(fields=["expires_at"], name="home_job_expires"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def has_download(self) -> bool:
        return (
            self.status == self.Status.DONE
            and bool(self.file)
            and (self.expires_at is None or self.expires_at > timezone.now())
        )
