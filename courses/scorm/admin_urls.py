"""The "SCORM packages" screens, mounted under /admin/scorm/ by ``wagtail_hooks``."""

from django.urls import path

from . import admin_views

app_name = "scorm_admin"

urlpatterns = [
    path("", admin_views.ScormIndexView.as_view(), name="index"),
    path("modules/<int:module_id>/upload/", admin_views.UploadPackageView.as_view(), name="upload"),
    path("modules/<int:module_id>/attempts/", admin_views.AttemptsView.as_view(), name="attempts"),
    path("packages/<int:package_id>/withdraw/", admin_views.WithdrawPackageView.as_view(), name="withdraw"),
]
