"""Certificate pages, included under /certificates/ by lms/urls.py."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    # Any text, slashes too: whatever is typed or pasted gets the friendly "not found" page, never another.
    path("verify/<path:code>/", views.verify_code, name="verify_code"),
    path("<int:certificate_id>/download/", views.download, name="download"),
]
