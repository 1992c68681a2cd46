"""Reads about the catalogue: live courses, outlines, topics and the filtered catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import QuerySet

from .models import CourseIndexPage, CoursePage, ModulePage, Topic
from .page_cache import content_version


def live_courses() -> QuerySet[CoursePage]:
    return CoursePage.objects.live().public().order_by("title")


@dataclass(frozen=True)
class ModuleOutline:
    id: int
    title: str
    url: str
    check_block_id: str | None  # the knowledge check's block id, if the module has one

    @property
    def has_check(self) -> bool:
        return self.check_block_id is not None


@dataclass(frozen=True)
class CourseOutline:
    """A course's live modules in order: the same for everyone, so cached until the next publish.

    Only published modules are in it, so an editor's preview of a draft never ends up in the cache.
    """

    course_id: int
    modules: tuple[ModuleOutline, ...]

    def position(self, module_id: int) -> int | None:
        for index, module in enumerate(self.modules):
            if module.id == module_id:
                return index
        return None


def course_outline(course: CoursePage) -> CourseOutline:
    """The live modules of a course in page-tree order (cached per content version; one query on a miss)."""
    key = f"courses:outline:{content_version()}:{course.pk}"
    outline = cache.get(key)
    if outline is None:
        modules = ModulePage.objects.child_of(course).live().order_by("path")
        outline = CourseOutline(
            course_id=course.pk,
            modules=tuple(
                ModuleOutline(
                    id=module.pk,
                    title=module.title,
                    url=module.get_url(),
                    check_block_id=module.knowledge_check.id if module.knowledge_check else None,
                )
                for module in modules
            ),
        )
        cache.set(key, outline, None)
    return outline


@dataclass(frozen=True)
class CatalogueFilters:
    """The catalogue's filters, already checked: unknown values have been dropped."""

    query: str = ""
    topic: str = ""
    level: str = ""
    delivery: str = ""

    @property
    def active(self) -> bool:
        return bool(self.query or self.topic or self.level or self.delivery)


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def catalogue(index: CourseIndexPage, filters: CatalogueFilters) -> list[CoursePage]:
    """The live, public courses under the catalogue page that match the filters (title order, or best match first).

    Search uses the Wagtail search backend. A constant number of queries whatever the number of courses.
    """
    courses = CoursePage.objects.live().public().descendant_of(index).prefetch_related("topics").order_by("title")
    if filters.topic:
        courses = courses.filter(topics__slug=filters.topic)
    if filters.level:
        courses = courses.filter(level=filters.level)
    if filters.delivery:
        courses = courses.filter(delivery=filters.delivery)
    if not filters.query:
        return list(courses)
    ranked = [page.pk for page in CoursePage.objects.live().descendant_of(index).search(filters.query, operator="and")]
    rank = {pk: position for position, pk in enumerate(ranked)}
    return sorted(courses.filter(pk__in=ranked), key=lambda course: rank[course.pk])


# --- A learner on one course --------------------------------------------------------------------------------


def live_course(course_id: int) -> CoursePage | None:
    return live_courses().filter(pk=course_id).first()


def catalogue_page() -> CourseIndexPage | None:
    return CourseIndexPage.objects.live().first()


def course_of_module(module: ModulePage) -> CoursePage:
    """The course a module belongs to (its parent page; one query)."""
    return CoursePage.objects.get(path=module.path[: -module.steplen])
