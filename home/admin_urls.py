from django.urls import path

from . import admin_views

app_name = "jobs"

urlpatterns = [
    path("<uuid:job_id>/", admin_views.JobView.as_view(), name="job"),
    path("<uuid:job_id>/status/", admin_views.job_status, name="status"),
    path("<uuid:job_id>/download/", admin_views.job_download, name="download"),
]
