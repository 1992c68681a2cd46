"""The catalogue: topics, the course index, course and module pages (Wagtail pages)."""

from __future__ import annotations

from http import HTTPMethod

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import ReferenceData

from .blocks import ModuleStreamBlock


class Topic(ReferenceData):
    """The VAWG types a course covers (reference data, loaded by a migration)."""


class Level(models.TextChoices):
    AWARENESS = "awareness", "Awareness"
    PRACTITIONER = "practitioner", "Practitioner"
    SPECIALIST = "specialist", "Specialist"


class Delivery(models.TextChoices):
    ELEARNING = "elearning", "E-learning"
    VIRTUAL = "virtual", "Virtual classroom"
    FACE_TO_FACE = "face_to_face", "Face-to-face"
    BLENDED = "blended", "Blended"


class CourseIndexPage(Page):
    """The catalogue: lists, filters and searches the courses below it."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    def get_context(self, request, *args, **kwargs):
        """The courses below the page that match the GET filters, as the public sees them.

        Signed-in people's statuses are added where the page is served to learners (``courses.learning.views``,
        through the ``on_serve_page`` hook); an editor's preview shows this, the public's view.
        """
        from . import selectors
        from .forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        topic_choices = [(topic.slug, topic.name) for topic in selectors.topics()]
        filters = CatalogueFilterForm(request.GET, topic_choices=topic_choices).filters()
        context["filters"] = filters
        context["form"] = CatalogueFilterForm(
            initial={"q": filters.query, "topic": filters.topic, "level": filters.level, "delivery": filters.delivery},
            topic_choices=topic_choices,
        )
        context["courses"] = [{"course": course, "status": None} for course in selectors.catalogue(self, filters)]
        return context


class CoursePage(Page):
    summary = models.TextField(max_length=400, help_text="One or two sentences for the catalogue.")
    topics = ParentalManyToManyField(Topic, blank=True, related_name="courses")
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.AWARENESS, db_index=True)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.ELEARNING, db_index=True)
    duration_minutes = models.PositiveIntegerField(default=60, help_text="About how long it takes, in minutes.")
    cpd_hours = models.DecimalField(
        "CPD hours", max_digits=4, decimal_places=1, default=1, validators=[MinValueValidator(0)]
    )
    learning_outcomes = models.TextField(
        blank=True, help_text="One outcome per line, each starting with a verb (e.g. 'Recognise ...')."
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="How long the certificate is valid. Blank: it never expires. Three years (36) is usual for "
        "domestic abuse and safeguarding training.",
    )
    counts_as_specialist_da = models.BooleanField(
        "counts as specialist domestic abuse training",
        default=False,
        help_text="Completions count towards the 'specialist domestic abuse training' measure.",
    )
    is_champion_training = models.BooleanField(
        default=False, help_text="A valid certificate of this course lets someone become a Domestic Abuse Champion."
    )
    prerequisites = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_by", help_text="Courses to complete first."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("level"),
                FieldPanel("delivery"),
                FieldPanel("duration_minutes"),
                FieldPanel("cpd_hours"),
            ],
            heading="About the course",
        ),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("certificate_validity_months"),
                FieldPanel("counts_as_specialist_da"),
                FieldPanel("is_champion_training"),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Certificates, measures and prerequisites",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.AutocompleteField("title"),
        index.FilterField("level"),
        index.FilterField("delivery"),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    # A SCORM module (courses.scorm) is a ModulePage too; named by label, so the catalogue imports nothing of it.
    subpage_types = ["courses.ModulePage", "courses.ScormModulePage"]
    # POST: enrol (handled where learners are served: courses.learning.views).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    @property
    def duration_text(self) -> str:
        """About how long it takes, in words: "45 minutes", "1 hour 30 minutes", "6 hours"."""
        hours, minutes = divmod(self.duration_minutes or 0, 60)
        parts = []
        if hours:
            parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
        if minutes or not hours:
            parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
        return " ".join(parts)

    @property
    def certificate_validity_text(self) -> str:
        months = self.certificate_validity_months
        if not months:
            return "Does not expire"
        if months % 12 == 0:
            years = months // 12
            return f"{years} year{'s' if years != 1 else ''}"
        return f"{months} month{'s' if months != 1 else ''}"

    def get_context(self, request, *args, **kwargs):
        """The course and its modules as the public sees them (the learner's progress: ``courses.learning.views``)."""
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        outline = selectors.course_outline(self)
        context["outline"] = outline
        context["modules"] = [{"module": module, "status": "not_enrolled"} for module in outline.modules]
        context["topics"] = list(self.topics.all())
        # filter(live=True), not .live(): in an editor's preview this is modelcluster's in-memory relation,
        # which has no page queryset methods (one query either way for a saved page).
        context["prerequisites"] = list(self.prerequisites.filter(live=True).order_by("title"))
        return context


class ModulePage(Page):
    """One step of a course; modules are taken in the order of the page tree."""

    body = StreamField(ModuleStreamBlock())

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    # POST: mark the module done, or submit its knowledge check.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    @property
    def knowledge_check(self):
        """The module's knowledge-check block (at most one), or None."""
        for block in self.body:
            if block.block_type == "knowledge_check":
                return block
        return None

    def get_context(self, request, *args, **kwargs):
        """The module's content and its place in the course, every module open: an editor's preview.

        Learners get their progress and the knowledge check's marking on top (``courses.learning.views``).
        """
        from . import selectors
        from .forms import KnowledgeCheckForm

        context = super().get_context(request, *args, **kwargs)
        course = kwargs.get("course") or selectors.course_of_module(self)
        outline = kwargs.get("outline") or selectors.course_outline(course)
        position = outline.position(self.pk)
        modules = outline.modules
        check = self.knowledge_check
        context.update(
            {
                "course": course,
                "outline": outline,
                "number": position + 1 if position is not None else None,
                "total": len(modules),
                "previous": modules[position - 1] if position else None,
                "next": modules[position + 1] if position is not None and position + 1 < len(modules) else None,
                "modules": [{"module": module, "status": "available"} for module in modules],
                "content": [block for block in self.body if block.block_type != "knowledge_check"],
                "check": check.value if check else None,
                "form": KnowledgeCheckForm(check.value, initial={"block_id": check.id}) if check else None,
                "preview": True,
                "next_unlocked": position is not None and position + 1 < len(modules),
            }
        )
        return context
