"""Wagtail hooks for SCORM: serving SCORM modules to learners through the player, and the admin screens."""

from django.urls import include, path, reverse
from wagtail import hooks

from home.admin_permissions import PolicyMenuItem

from . import admin_urls, views
from .models import ScormModulePage
from .permissions import package_policy


@hooks.register("on_serve_page", order=100)
def serve_scorm_modules_to_learners(next_serve):
    """Like learning's hook (innermost, after Wagtail's method and view-restriction checks): a SCORM module is
    served by the player; an editor's preview keeps the page's own serve()."""

    def serve(page, request, args, kwargs):
        if type(page) is not ScormModulePage:
            return next_serve(page, request, args, kwargs)
        request.is_preview = False
        return views.player(request, page)

    return serve


@hooks.register("register_admin_urls")
def register_scorm_urls():
    return [path("scorm/", include(admin_urls, namespace="scorm_admin"))]


@hooks.register("register_learning_menu_item")
def scorm_packages_menu_item():
    return PolicyMenuItem(
        "SCORM packages",
        reverse("scorm_admin:index"),
        icon_name="upload",
        order=400,
        policy=package_policy,
        action="change",
    )
