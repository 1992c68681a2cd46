"""Keep the cached course pages in step with what editors publish (see courses/page_cache.py).

Wagtail sends ``page_published`` / ``page_unpublished`` wherever a page is published (the admin, a scheduled
publish, a management command, a script) and ``post_page_move`` when modules are reordered or moved; creating,
saving (a draft, too) or deleting a page sends ``post_save`` / ``post_delete``. Any of these on a catalogue,
course or module page bumps the content version that every cached page and outline is keyed by.

Connected in ``CoursesConfig.ready()``, so every process (web, worker, command, shell) has them from the start,
not only once Wagtail happens to have loaded the admin hooks.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CourseIndexPage, CoursePage, ModulePage
from .page_cache import bump_content_version

COURSE_PAGE_TYPES = (CourseIndexPage, CoursePage, ModulePage)


def course_content_changed(sender, instance, **kwargs):
    if isinstance(instance, COURSE_PAGE_TYPES) or (isinstance(sender, type) and issubclass(sender, COURSE_PAGE_TYPES)):
        bump_content_version()


def connect():
    page_published.connect(course_content_changed, dispatch_uid="courses.page_cache.published")
    page_unpublished.connect(course_content_changed, dispatch_uid="courses.page_cache.unpublished")
    post_page_move.connect(course_content_changed, dispatch_uid="courses.page_cache.moved")
    for model in COURSE_PAGE_TYPES:
        post_save.connect(
            course_content_changed, sender=model, dispatch_uid=f"courses.page_cache.saved.{model.__name__}"
        )
        post_delete.connect(
            course_content_changed, sender=model, dispatch_uid=f"courses.page_cache.deleted.{model.__name__}"
        )
