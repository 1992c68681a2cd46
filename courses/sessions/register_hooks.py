"""The trainers' "My sessions" screens in the Wagtail admin (registered from courses/wagtail_hooks.py)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import register_views


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return register_views.keeps_registers(request.user)


@hooks.register("register_admin_urls")
def register_trainer_urls():
    urls = [
        path("", register_views.MySessionsView.as_view(), name="my_sessions"),
        path("dates/<int:date_id>/", register_views.RegisterView.as_view(), name="register"),
        path("dates/<int:date_id>/check-in-code/", register_views.QrView.as_view(), name="qr"),
        path("dates/<int:date_id>/check-in-code.svg", register_views.QrImageView.as_view(), name="qr_image"),
    ]
    return [path("teaching/", include((urls, "session_registers"), namespace="session_registers"))]


@hooks.register("register_admin_menu_item")
def register_my_sessions_menu_item():
    return TrainerMenuItem("My sessions", reverse("session_registers:my_sessions"), icon_name="date", order=250)
