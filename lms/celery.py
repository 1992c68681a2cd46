"""The Celery application. Tasks live in each app's ``tasks.py``, and in each sub-package's of ``courses/``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["courses.learning", "courses.certificates", "courses.scorm", "courses.sessions"])
app.autodiscover_tasks(["courses.sessions"], related_name="reminder_tasks")
