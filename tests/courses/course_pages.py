"""Course pages for the courses tests: a catalogue under the default site's root, and courses in it."""

from wagtail.models import Site

from courses.models import CourseIndexPage, CoursePage


def catalogue() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    root = Site.objects.get(is_default_site=True).root_page
    return root.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))


def course(slug: str = "domestic-abuse-awareness", title: str | None = None, **fields) -> CoursePage:
    """A published course page in the catalogue."""
    title = title or slug.replace("-", " ").capitalize()
    fields.setdefault("summary", f"{title}: what every professional needs to know.")
    return catalogue().add_child(instance=CoursePage(title=title, slug=slug, **fields))
