"""The test suite: the embedded default unless DATABASE_URL / CELERY_BROKER_URL are set."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests run tasks in-process; tests about the worker switch this off themselves.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
# TEST_MEDIA_ROOT: where a test puts the files of the worker it starts (not MEDIA_ROOT, so that a developer's
# own media folder in the environment is never written to by tests).
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / "media" / "test")  # noqa: F405
ACCOUNT_RATE_LIMITS = False
# Not from the environment: `make test` runs with the SITE_URL that `make run` would use.
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests that start their own worker (and beat) give them a queue of their own on the shared broker, so that
# what those processes queue reaches only them.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
