from django.urls import path

from . import views

app_name = "scorm"

urlpatterns = [
    path("attempts/<int:attempt_id>/commit/", views.commit, name="commit"),
    path("packages/<int:package_id>/<path:path>", views.content, name="content"),
]
