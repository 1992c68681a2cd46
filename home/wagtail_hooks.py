"""Wagtail admin hooks for home: the pages of background jobs (``/admin/jobs/<id>/``)."""

from django.urls import include, path
from wagtail import hooks

from . import admin_urls


@hooks.register("register_admin_urls")
def register_job_urls():
    return [path("jobs/", include(admin_urls, namespace="jobs"))]
