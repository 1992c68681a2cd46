"""Settings shared by every environment.

Every value that differs between machines comes from the environment, with a
default that runs the embedded setup: SQLite in the project folder, Celery
tasks run in-process, email printed to the console.
"""

from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# The development key only; production.py refuses to start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates override the libraries'.
    "home",
    "accounts",
    "courses",
    "champions",
    "reports",
    "accounts.apps.WagtailUsersConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "home.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.middleware.AdminPreviewFrameMiddleware",
    # Last, so every middleware above still applies to the course pages it answers from the cache.
    "courses.page_cache.CoursePageCacheMiddleware",
]

ROOT_URLCONF = "lms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]
# Every form on the site renders through one set of accessible templates
# (label, hint, error next to the field, aria-describedby).
FORM_RENDERER = "home.forms.SiteFormRenderer"

WSGI_APPLICATION = "lms.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# With a shared cache (Redis) sessions are read from it, sparing signed-in pages a query; a
# per-process cache would let a signed-out session live on in the other processes' caches.
if not CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: email is the login; addresses must be verified.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
# Signing up with the address of an account made by importing training history claims that account.
ACCOUNT_FORMS = {"signup": "accounts.adapters.SignupForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
# Professionals are told plainly when their work address already has an
# account: the issue asks for a clear message on sign-up, and a directory of
# partnership staff is not a secret worth a confusing sign-up.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Media on the local disk by default, on any S3-compatible store when
# AWS_STORAGE_BUCKET_NAME is set (so web nodes keep nothing on their disks).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: console by default; EMAIL_URL (e.g. smtp+tls://user:pass@host:587) in production.
_email = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(_email)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="DASV Learning <no-reply@dasv-learning.example>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Celery: eager (in-process) unless a broker is configured.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {
        "task": "home.tasks.record_heartbeat",
        "schedule": crontab(minute="*/5"),
    },
    # Champions whose champion-training certificate has expired lapse overnight; renewed ones are restored.
    "champions-lapse-expired": {
        "task": "champions.tasks.lapse_expired_champions",
        "schedule": crontab(hour=2, minute=15),
    },
    # A quarter's measures are frozen SNAPSHOT_DELAY_DAYS after it ends (after the nightly lapsing).
    "reports-freeze-due-quarters": {
        "task": "reports.tasks.freeze_due_quarters",
        "schedule": crontab(hour=3, minute=30),
    },
    # Certificate reminders 60 and 14 days before expiry (each once), then expired ones are marked.
    "certificates-expiry": {
        "task": "courses.tasks.send_certificate_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
}
# How many messages one person may send to champions through the directory per day.
CHAMPION_CONTACT_DAILY_LIMIT = env.int("CHAMPION_CONTACT_DAILY_LIMIT", default=5)

# Wagtail
WAGTAIL_SITE_NAME = "DASV Learning & Champions"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The public address in links that leave the site (certificate QR codes and PDFs, emails); blank: the above.
SITE_URL = env("SITE_URL", default="")
# Certificate verification: checks per client address per minute (0: no limit), and the most certificates
# a manager's ZIP download streams at once (larger ones are built by a task and emailed as a link).
CERTIFICATE_VERIFICATIONS_PER_MINUTE = env.int("CERTIFICATE_VERIFICATIONS_PER_MINUTE", default=30)
CERTIFICATE_ZIP_STREAM_LIMIT = env.int("CERTIFICATE_ZIP_STREAM_LIMIT", default=200)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "csv", "pptx", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The partner API's views name their own authentication (partner leads' tokens), permission and
    # throttle classes (reports.api.authentication), so that Wagtail's admin API keeps its defaults.
    # Requests per token:
    "DEFAULT_THROTTLE_RATES": {"partner_api": env("PARTNER_API_RATE", default="120/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "DASV Learning partner API",
    "VERSION": "1.0.0",
    "PREPROCESSING_HOOKS": ["lms.openapi.only_partner_api"],
    # 3.1: null is a JSON Schema type, so responses validate against the schema with plain jsonschema.
    "OAS_VERSION": "3.1.0",
    "DESCRIPTION": "Read-only, suppressed measures of the partnership. Human-readable documentation: /api/v1/docs/",
}

# Reports: counts from 1 to SUPPRESSION_THRESHOLD - 1 are hidden ("<5") in everything partners see; a
# quarter's figures are frozen SNAPSHOT_DELAY_DAYS after it ends, and its board report is then emailed
# to BOARD_REPORT_RECIPIENTS (comma-separated addresses).
SUPPRESSION_THRESHOLD = env.int("SUPPRESSION_THRESHOLD", default=5)
SNAPSHOT_DELAY_DAYS = env.int("SNAPSHOT_DELAY_DAYS", default=10)
BOARD_REPORT_RECIPIENTS = env.list("BOARD_REPORT_RECIPIENTS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail runs its search-index and reference-index updates as tasks; one line each is noise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint logs each step of every certificate it renders at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Pages may not be framed; Wagtail's live preview is let through by
# home.middleware.AdminPreviewFrameMiddleware.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): the site's own pages run only the site's own scripts, from
# files (no inline script, no eval: the site's JavaScript is progressive enhancement in static/js), and
# style only from its stylesheets. home.middleware.ContentSecurityPolicyMiddleware relaxes it for the
# Wagtail and Django admins, which still have inline scripts and style attributes of their own.
from csp.constants import NONE, SELF  # noqa: E402

# Where media (images, documents) are served from when not this site: the S3-compatible store's origin.
_media_origins = env.list("CSP_MEDIA_ORIGINS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_media_origins],
        "media-src": [SELF, *_media_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Video embeds in modules (Wagtail's EmbedBlock: YouTube and Vimeo players).
        "frame-src": ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [NONE],  # as X-Frame-Options DENY; Wagtail's preview is let through by the middleware
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
# Features no page here uses are turned off for the site and anything it embeds (camera could be turned
# on for QR check-in scanning when sessions arrive: camera=(self)). See home.middleware.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}
# Nothing of a page's address (a certificate code, a search for "forced marriage") goes to another
# site, nor does the fact that someone came from this one (the quick exit lands on another site).
SECURE_REFERRER_POLICY = "same-origin"
