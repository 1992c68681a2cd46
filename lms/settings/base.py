"""Settings shared by every environment.

Every value that differs between machines comes from the environment, with a
default that runs the embedded setup: SQLite in the project folder, Celery
tasks run in-process, email printed to the console.
"""

import datetime
import os
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

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
    "privacy",
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
    # After authentication and messages: staff without two-step sign-in are sent to set it up.
    "accounts.middleware.StaffTwoStepMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.middleware.AdminPreviewFrameMiddleware",
    # Last, so every middleware above still applies to the course pages it answers from the cache.
    "courses.learning.page_cache.CoursePageCacheMiddleware",
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
ACCOUNT_FORMS = {
    # Signing up with the address of an account made by importing training history claims that account.
    "signup": "accounts.adapters.SignupForm",
    # One "Forgotten your password?" link on the sign-in page, not allauth's second one.
    "login": "accounts.adapters.LoginForm",
    # Says the same whether or not the address has an account (see ACCOUNT_PREVENT_ENUMERATION).
    "reset_password": "accounts.adapters.ResetPasswordForm",
}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
# Sign-up tells people plainly when their work address already has an account (a directory of
# partnership staff is not a secret worth a confusing sign-up, and sign-up is rate-limited); the
# password-reset page does not say (accounts.adapters.ResetPasswordForm), which allauth's own switch
# cannot do separately: True would also turn sign-up's message into a "check your email" page.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Tell people by email when their password, email address or two-step sign-in changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_RATE_LIMITS = {
    # Ten failed sign-ins a minute from one address, five in five minutes for one account (locked, even
    # with the right password, until then or a password reset).
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    # Reset emails: five a minute for one address, twenty from one client address.
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# How many proxies in front of the site append to X-Forwarded-For: allauth's rate limits key on the
# client address that many hops from the right. 0 (runserver, no proxy) ignores the header, which a
# client can forge; behind one proxy that sets it (the README's nginx) it must be 1, or every client
# shares the proxy's address and ten failed sign-ins lock everyone out.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The name an authenticator app shows next to the code.
MFA_TOTP_ISSUER = "DASV Learning & Champions"

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
# The in-memory broker is named with a host: Celery opens a connection even for an eager task (to serialise its
# arguments), and kombu warns "No hostname was supplied" for a bare memory://.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://localhost/")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL.startswith("memory://"))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Every task stops after CELERY_TASK_TIME_LIMIT seconds (after a soft limit it can clean up after), unless it
# names LONG_TASK_TIME_LIMIT: the big ZIPs, board reports, runs over every certificate. Without a limit a stuck
# task would hold a worker for ever, and "the longest task" below would be no number at all. (The default
# prefork pool enforces both limits; the solo pool of the worker tests does not.)
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_TASK_TIME_LIMIT = 5 * 60
LONG_TASK_SOFT_TIME_LIMIT = 14 * 60
LONG_TASK_TIME_LIMIT = 15 * 60
# Tasks are acknowledged late, so a task whose worker is killed stays with Redis, which hands it to another
# worker once it has been out for visibility_timeout seconds (Redis's default: an hour, so a killed worker's
# certificate waited an hour). It must be longer than the longest task, and than the longest retry countdown
# (retry_backoff_max, 10 minutes; a worker holds a retry unacknowledged until it is due), or a task still
# running would be started a second time; a minute more than LONG_TASK_TIME_LIMIT is both. Workers look for
# such tasks every tenth of the timeout (at most a minute apart). Tests about killed workers set it low.
_visibility_timeout = env.int("CELERY_VISIBILITY_TIMEOUT", default=LONG_TASK_TIME_LIMIT + 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _visibility_timeout,
    "unacked_restore_interval": max(1, min(60, _visibility_timeout // 10)),
    "unacked_restore_throttle": 1,
}
# Beat's safety net for certificates (courses.tasks.sweep_missing_certificates): how often it runs, in
# seconds. A completion gets this long for its own task before the sweep issues its certificate.
CERTIFICATE_SWEEP_SECONDS = env.int("CERTIFICATE_SWEEP_SECONDS", default=5 * 60)
CELERY_BEAT_SCHEDULE = {
    # Live training: unanswered booking requests expire at the close of booking; those still waiting are told.
    "sessions-close-due-bookings": {
        "task": "courses.sessions.tasks.close_due_bookings",
        "schedule": crontab(minute="*/5"),
        "options": {"expires": 300},
    },
    "worker-heartbeat": {
        "task": "home.tasks.record_heartbeat",
        "schedule": crontab(minute="*/5"),
    },
    # Champions whose champion-training certificate has expired lapse overnight; renewed ones are restored.
    "champions-lapse-expired": {
        "task": "champions.tasks.lapse_expired_champions",
        "schedule": crontab(hour=2, minute=15),
    },
    # The yearly champion check-in: asked on the anniversary of approval (each once), hidden after 30 days unanswered.
    "champions-yearly-check-ins": {
        "task": "champions.tasks.run_yearly_check_ins",
        "schedule": crontab(hour=7, minute=45),
    },
    # A quarter's measures are frozen SNAPSHOT_DELAY_DAYS after it ends (after the nightly lapsing).
    "reports-freeze-due-quarters": {
        "task": "reports.tasks.freeze_due_quarters",
        "schedule": crontab(hour=3, minute=30),
    },
    # Completions without a certificate and certificates without a PDF (a task lost with its broker, a web
    # process that died between saving and queueing, imported history). A sweep not started within its own
    # interval is dropped: the next one does the same work.
    "certificates-sweep-missing": {
        "task": "courses.tasks.sweep_missing_certificates",
        "schedule": datetime.timedelta(seconds=CERTIFICATE_SWEEP_SECONDS),
        "options": {"expires": CERTIFICATE_SWEEP_SECONDS},
    },
    # Certificate reminders 60 and 14 days before expiry (each once), then expired ones are marked.
    "certificates-expiry": {
        "task": "courses.tasks.send_certificate_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
    # The retention schedule (privacy.retention): expired exports, unused accounts and tokens, old audit entries.
    "privacy-apply-retention": {
        "task": "privacy.tasks.apply_retention",
        "schedule": crontab(hour=4, minute=40),
    },
    # Reminders of assigned learning: 14 days before the due date, on it, then weekly while overdue (three).
    "courses-assignment-reminders": {
        "task": "courses.tasks.send_assignment_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Ninety days (FOLLOW_UP_DAYS) after a completion, the learner is asked once whether they have used it.
    "courses-send-follow-ups": {
        "task": "courses.tasks.send_follow_ups",
        "schedule": crontab(hour=9, minute=0),
    },
    # Recurring assignments are made again when their certificate comes up for renewal (before the reminders).
    "courses-renew-recurring-assignments": {
        "task": "courses.tasks.renew_recurring_assignments",
        "schedule": crontab(hour=6, minute=45),
    },
    # Files made by background jobs (large certificate ZIPs) are deleted once they expire.
    "background-job-files-expiry": {
        "task": "home.tasks.delete_expired_job_files",
        "schedule": crontab(hour=4, minute=10),
    },
    # Session reminders two days before each date (each once per booking and date: courses.sessions.reminders).
    "sessions-reminders": {
        "task": "courses.sessions.tasks.send_session_reminders",
        "schedule": crontab(minute=10),
        "options": {"expires": 55 * 60},
    },
}
# How many messages one person may send to champions through the directory per day.
CHAMPION_CONTACT_DAILY_LIMIT = env.int("CHAMPION_CONTACT_DAILY_LIMIT", default=5)

# Wagtail
WAGTAIL_SITE_NAME = "DASV Learning & Champions"
# The public address the site is served on: the one setting for every link that leaves the platform
# (emails, certificate PDFs and QR codes; home.links builds them). `make run PORT=8101` serves on that port and
# sets the default to match; Wagtail's admin emails use the same address.
# Days after a completion that its follow-up question is emailed, and how long its link works.
FOLLOW_UP_DAYS = env.int("FOLLOW_UP_DAYS", default=90)
FOLLOW_UP_LINK_DAYS = env.int("FOLLOW_UP_LINK_DAYS", default=30)
SITE_URL = env("SITE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
if "WAGTAILADMIN_BASE_URL" in os.environ:
    # It used to be a second, separate address; refuse it rather than send links that disagree.
    raise ImproperlyConfigured("WAGTAILADMIN_BASE_URL follows SITE_URL now: set SITE_URL to the public address.")
# Certificate verification: checks per client address per minute (0: no limit), and the most certificates
# a manager's ZIP download streams at once (larger ones are built by a task: a job with a page and a link).
CERTIFICATE_VERIFICATIONS_PER_MINUTE = env.int("CERTIFICATE_VERIFICATIONS_PER_MINUTE", default=30)
CERTIFICATE_ZIP_STREAM_LIMIT = env.int("CERTIFICATE_ZIP_STREAM_LIMIT", default=200)
# A certificate is due for renewal this many days before it expires (My learning, enrolling again, and the
# partner leads' staff lists): read only by courses.certificates.rules.renewal_window_days().
CERTIFICATE_RENEWAL_WINDOW_DAYS = env.int("CERTIFICATE_RENEWAL_WINDOW_DAYS", default=60)

# SCORM packages (courses.scorm): an upload is refused past these (README, "SCORM"). The compression ratio is
# unpacked size over compressed size of the whole ZIP; real content (media) stays far below it, a ZIP bomb not.
SCORM_MAX_FILES = env.int("SCORM_MAX_FILES", default=10_000)
SCORM_MAX_UNPACKED_BYTES = env.int("SCORM_MAX_UNPACKED_BYTES", default=500 * 1024 * 1024)
SCORM_MAX_COMPRESSION_RATIO = env.int("SCORM_MAX_COMPRESSION_RATIO", default=100)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "csv", "pptx", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# One sign-in: the admin sends people to allauth's sign-in page (rate limits, two-step sign-in, verified
# addresses) and has no password reset of its own; lms.urls turns its own login and reset pages away.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Password and email address are changed on the site's profile page (allauth: rate limits, a verified
# new address, an email telling the person), not in the admin's account settings.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# No avatars from gravatar.com: they would send a hash of each staff member's address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

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
# Data protection (privacy/): how long a subject-access ZIP may be downloaded, how many records make it a
# background job, and the retention schedule (the README's table and the privacy notice are built from these).
SUBJECT_ACCESS_EXPORT_DAYS = env.int("SUBJECT_ACCESS_EXPORT_DAYS", default=7)
SUBJECT_ACCESS_STREAM_LIMIT = env.int("SUBJECT_ACCESS_STREAM_LIMIT", default=200)
RETENTION_UNCLAIMED_ACCOUNT_YEARS = env.int("RETENTION_UNCLAIMED_ACCOUNT_YEARS", default=6)
RETENTION_UNUSED_ACCOUNT_YEARS = env.int("RETENTION_UNUSED_ACCOUNT_YEARS", default=6)
RETENTION_UNUSED_ACCOUNT_NOTICE_DAYS = env.int("RETENTION_UNUSED_ACCOUNT_NOTICE_DAYS", default=30)
RETENTION_CONTACT_SENDER_YEARS = env.int("RETENTION_CONTACT_SENDER_YEARS", default=2)
RETENTION_UNUSED_TOKEN_DAYS = env.int("RETENTION_UNUSED_TOKEN_DAYS", default=365)
RETENTION_AUDIT_YEARS = env.int("RETENTION_AUDIT_YEARS", default=6)

SUPPRESSION_THRESHOLD = env.int("SUPPRESSION_THRESHOLD", default=5)
SNAPSHOT_DELAY_DAYS = env.int("SNAPSHOT_DELAY_DAYS", default=10)
BOARD_REPORT_RECIPIENTS = env.list("BOARD_REPORT_RECIPIENTS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "filters": {"one_line_client_errors": {"()": "home.log_filters.OneLineClientErrors"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["one_line_client_errors"]},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's default configuration gives "django" a console handler of its own (with DEBUG on) and lets
        # it propagate to the root's as well, so every warning, a 403's traceback among them, printed twice.
        # No handlers here: the root's console prints it once (ADMINS is not used, so no admin emails are lost).
        "django": {"handlers": [], "level": "INFO"},
        # Configuring "django" resets its children: runserver's request lines keep Django's own format.
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
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
