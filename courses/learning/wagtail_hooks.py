"""Wagtail hooks for learning: serving the course pages to learners, and the training managers' "Learning" menu."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from home.admin_permissions import PolicyMenuItem

from ..catalogue.models import CourseIndexPage, CoursePage, ModulePage
from . import admin_urls, views
from .permissions import assignment_policy, completion_policy, enrolment_policy

# How each course page is served to the people using it. The page models (in the catalogue, which never imports
# learning) keep Wagtail's own serve(), which renders their public context: that is what an editor's preview shows.
_LEARNER_VIEWS = {CourseIndexPage: views.catalogue, CoursePage: views.course_or_enrol, ModulePage: views.module}


@hooks.register("on_serve_page", order=100)
def serve_course_pages_to_learners(next_serve):
    """Innermost in the chain (a high ``order``), so Wagtail's own checks run first: the allowed methods (a
    ``before_serve_page`` hook) and the page's view restrictions (an ``on_serve_page`` hook of order 0)."""

    def serve(page, request, args, kwargs):
        view = _LEARNER_VIEWS.get(type(page))
        if view is None:
            return next_serve(page, request, args, kwargs)
        request.is_preview = False
        return view(request, page)

    return serve


# The training managers' "Learning" menu and screens (admin_views). Other screens for learning records can
# join the menu with ``@hooks.register("register_learning_menu_item")``. Each item asks the permission policy
# that its screen checks (``home.admin_permissions.PolicyMenuItem``).


@hooks.register("register_admin_urls")
def register_learning_urls():
    return [path("learning/", include(admin_urls, namespace="courses_admin"))]


@hooks.register("register_learning_menu_item")
def courses_and_enrolments_menu_item():
    return PolicyMenuItem(
        "Courses and enrolments",
        reverse("courses_admin:index"),
        icon_name="list-ul",
        order=100,
        policy=enrolment_policy,
        action="view",
    )


@hooks.register("register_learning_menu_item")
def enrol_people_menu_item():
    return PolicyMenuItem(
        "Enrol people",
        reverse("courses_admin:enrol_people"),
        icon_name="user",
        order=200,
        policy=enrolment_policy,
        action="add",
    )


@hooks.register("register_learning_menu_item")
def assign_course_menu_item():
    return PolicyMenuItem(
        "Assign a course",
        reverse("courses_admin:assign_course"),
        icon_name="date",
        order=250,
        policy=assignment_policy,
        action="add",
    )


@hooks.register("register_learning_menu_item")
def assignments_menu_item():
    return PolicyMenuItem(
        "Assignments",
        reverse("courses_admin:assignments"),
        icon_name="list-ul",
        order=260,
        policy=assignment_policy,
        action="view",
    )


@hooks.register("register_learning_menu_item")
def import_completions_menu_item():
    return PolicyMenuItem(
        "Import completions",
        reverse("courses_admin:import_completions"),
        icon_name="upload",
        order=300,
        policy=completion_policy,
        action="add",
    )


@hooks.register("register_admin_menu_item")
def learning_menu():
    return SubmenuMenuItem(
        "Learning", Menu(register_hook_name="register_learning_menu_item"), icon_name="doc-full-inverse", order=250
    )
