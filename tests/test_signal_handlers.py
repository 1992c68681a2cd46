"""The signal handlers are connected when Django starts, in every process, not only once Wagtail loads its hooks.

A management command (or a Celery task, or a shell) that publishes, saves or deletes a course page, or changes
the directory's choices, must invalidate what the web processes cache. The handlers are connected in the
apps' ``ready()`` (not at the import of ``wagtail_hooks.py``, which Wagtail loads when it first needs its
hooks); this checks it in a real ``manage.py`` process.
"""

import os
import subprocess
import sys

from django.conf import settings

# Sends what Wagtail and Django send when a command publishes a course page, unpublishes a module, deletes a
# district, and checks the content version every cached course page is keyed by, and the directory's cached
# filter choices, after each. (No page instances: building one reads the content types, and this process has
# no database; the handlers go by the sender, as Wagtail sends the page's own class.)
COMMAND = r"""
from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from accounts.models import District
from champions.selectors import DIRECTORY_OPTIONS_CACHE_KEY
from courses.models import CoursePage, ModulePage
from courses.catalogue.page_cache import content_version

before = content_version()
page_published.send(sender=CoursePage, instance=None, revision=None)
after_publish = content_version()
page_unpublished.send(sender=ModulePage, instance=None)
after_unpublish = content_version()
cache.set(DIRECTORY_OPTIONS_CACHE_KEY, "cached choices")
post_delete.send(sender=District, instance=District(name="Fenland"))
print(before != after_publish, after_publish != after_unpublish, cache.get(DIRECTORY_OPTIONS_CACHE_KEY) is None)
"""


def test_a_management_command_that_changes_course_pages_or_choices_invalidates_the_caches():
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", COMMAND],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True True"  # published, unpublished, a choice deleted
