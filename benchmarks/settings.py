"""Settings for the page benchmark (bench_pages.py): production as deployed, plus a bare view to compare against.

The bare view exists only here, never in the site's own URLconf. Static files are served by WhiteNoise
from the app folders (the dev settings' finder approach), so no collectstatic is needed.
"""

from lms.settings.production import *  # noqa: F403
from lms.settings.production import STORAGES

ROOT_URLCONF = "benchmarks.urls"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = True
