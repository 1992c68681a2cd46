"""Wagtail admin hooks for courses."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_urls
from .certificate_admin import certificate_viewset

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
