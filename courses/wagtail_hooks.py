"""Wagtail admin hooks for courses."""

from django.db.models.signals import post_delete, post_save
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import admin_urls
from .certificate_admin import certificate_viewset
from .models import CourseIndexPage, CoursePage, ModulePage
from .page_cache import bump_content_version

# The training managers' "Learning" menu and screens (admin_views). Other screens for learning records can
# join the menu with ``@hooks.register("register_learning_menu_item")``.


class PermissionMenuItem(MenuItem):
    """A menu item shown only to people with ``permission``."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_learning_urls():
    return [path("learning/", include(admin_urls, namespace="courses_admin"))]


@hooks.register("register_learning_menu_item")
def courses_and_enrolments_menu_item():
    return PermissionMenuItem(
        "Courses and enrolments",
        reverse("courses_admin:index"),
        icon_name="list-ul",
        order=100,
        permission="courses.view_enrolment",
    )


@hooks.register("register_learning_menu_item")
def enrol_people_menu_item():
    return PermissionMenuItem(
        "Enrol people",
        reverse("courses_admin:enrol_people"),
        icon_name="user",
        order=200,
        permission="courses.add_enrolment",
    )


@hooks.register("register_learning_menu_item")
def import_completions_menu_item():
    return PermissionMenuItem(
        "Import completions",
        reverse("courses_admin:import_completions"),
        icon_name="upload",
        order=300,
        permission="courses.add_completion",
    )


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    """Certificates: listing, revoke / reinstate / reissue, history, ZIP downloads (see certificate_admin)."""
    return certificate_viewset


@hooks.register("register_admin_menu_item")
def learning_menu():
    return SubmenuMenuItem(
        "Learning", Menu(register_hook_name="register_learning_menu_item"), icon_name="doc-full-inverse", order=250
    )


# Keep the cached course pages in step with what editors publish (see courses/page_cache.py). Wagtail sends
# ``page_published`` / ``page_unpublished`` wherever a page is published (the admin, a scheduled publish, a
# script) and ``post_page_move`` when modules are reordered or moved; creating, saving (a draft, too) or
# deleting a page sends ``post_save`` / ``post_delete``. Any of these on a catalogue, course or module page
# bumps the content version that every cached page and outline is keyed by. (Wagtail imports this module
# before it publishes anything: its action registry looks up hooks first.)

COURSE_PAGE_TYPES = (CourseIndexPage, CoursePage, ModulePage)


def _course_content_changed(sender, instance, **kwargs):
    if isinstance(instance, COURSE_PAGE_TYPES) or (isinstance(sender, type) and issubclass(sender, COURSE_PAGE_TYPES)):
        bump_content_version()


for _signal in (page_published, page_unpublished, post_page_move):
    _signal.connect(_course_content_changed, dispatch_uid=f"courses-page-cache-{id(_signal)}")
for _model in COURSE_PAGE_TYPES:
    for _signal in (post_save, post_delete):
        _signal.connect(_course_content_changed, sender=_model, dispatch_uid=f"courses-cache-{_model.__name__}")
