from django.core.validators import URLValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import StandardStreamBlock


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

    panels = [
        FieldPanel("partnership_name"),
        FieldPanel("logo"),
        FieldPanel("help_page"),
        FieldPanel("quick_exit_url"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = "site settings"


class WorkerHeartbeat(models.Model):
    """When the background worker last ran a task: shown on /health/ for operations."""

    name = models.CharField(max_length=50, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.seen_at:%Y-%m-%d %H:%M}"
