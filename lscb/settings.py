"""Settings, read from the environment.

Every value has a safe embedded default (SQLite under var/, tasks run in-process) so a
fresh checkout runs with no services. A malformed value stops start-up with a message
naming the variable, rather than starting with a half-understood configuration.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from .process_settings import cache_settings, celery_settings, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()


def env_bool(name: str, default: bool) -> bool:
    """A strict boolean: anything but a recognised true/false word is an error."""
    raw = env.str(name, default="").strip().lower()
    if raw == "":
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = env.str(name, default="").strip()
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_secret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file named by NAME_FILE (for container secrets)."""
    path = env.str(f"{name}_FILE", default="")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE cannot be read: {exc}") from None
    return env.str(name, default=default)


def env_url(name: str, default: str, parse, schemes: dict):
    """Parse a service URL with django-environ, naming the variable when it is malformed.
    An unknown scheme is refused here: django-environ would pass it through as a name."""
    raw = env.str(name, default="") or default  # set but empty means the default
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in schemes:
        known = ", ".join(sorted(schemes))
        raise ImproperlyConfigured(f"{name} is not a usable URL ({raw!r}); use one of: {known}")
    try:
        return parse(raw)
    except (ImproperlyConfigured, ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"{name} is not a usable URL ({raw!r}): {exc}") from None


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "development-only-secret-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "lscb.admin_config.TwoFactorAdminConfig",  # the admin, behind two-factor sign-in
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    "govuk_frontend_django",
    "django_celery_beat",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "core",
    "core.jobs",  # durable background jobs: the outbox table, the sweeper (label "jobs")
    "board",
    "subgroups",
    "reviews",  # migration history only (see reviews/__init__.py)
    "reviews.child_deaths",
    "reviews.case_reviews",
    "reviews.assurance",
    "datasets",
    "reports",
    "reports.jtai",  # the JTAI readiness pack (label "jtai")
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Tenancy: every request starts with no board scope; the access layer opens one.
    "board.scoping.BoardScopeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.no_store.NoStoreMiddleware",  # as soon as the user is known, for every answer
    "django_otp.middleware.OTPMiddleware",
    "lscb.two_factor.RequireTwoFactorMiddleware",
    "core.client_ip.ClientAddressAuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as its documentation asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lscb.urls"
WSGI_APPLICATION = "lscb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "board.context_processors.current_board",
            ],
        },
    },
]

# The embedded default is a SQLite file under var/; production sets DATABASE_URL.
if not env.str("DATABASE_URL", default=""):
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env_url(
        "DATABASE_URL", f"sqlite:///{VAR_DIR / 'lscb.sqlite3'}", env.db_url_config, env.DB_SCHEMES
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "board.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout after repeated failures. Counted per e-mail address *and* address of the
# computer, and lifted after a cool-off, so nobody can lock a named colleague out.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "lscb.lockout.username_for_lockout"
# The computer: the connecting address, or behind the load balancer the one it reports.
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Password reset e-mails: at most this many an hour per computer and per e-mail address.
PASSWORD_RESET_LIMIT_PER_HOUR = env_int("PASSWORD_RESET_LIMIT_PER_HOUR", 5)
# Two-factor sign-in (TOTP): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = env.str("OTP_ISSUER", default="Safeguarding Board Manager")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: GOV.UK Frontend is copied into static/govuk by `make assets`.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Upload limits, per kind of upload (core/uploads.py): bytes, checked before any of the
# file is read; and, for tables, rows, where reading stops.
UPLOAD_MAX_BYTES = {
    "document": env_int("UPLOAD_MAX_DOCUMENT_MB", 20) * 1024 * 1024,  # papers, review documents
    "data": env_int("UPLOAD_MAX_DATA_MB", 10) * 1024 * 1024,  # observation imports (CSV, XLSX)
    "return": env_int("UPLOAD_MAX_RETURN_MB", 5) * 1024 * 1024,  # sub-group return workbooks
    "image": env_int("UPLOAD_MAX_IMAGE_MB", 5) * 1024 * 1024,  # images shown in a report
    "template": env_int("UPLOAD_MAX_TEMPLATE_MB", 1) * 1024 * 1024,  # report template files
}
UPLOAD_MAX_ROWS = {"data": 200_000, "return": 1_000}
# Imports and bulk API writes of more figures than these are applied by a background job
# (datasets/tasks.py) whose progress the page shows: 17,040 rows took over 30 s, gunicorn's
# timeout, in the request; 2,000 take about 3 s.
IMPORT_APPLY_IN_BACKGROUND_ROWS = env_int("IMPORT_APPLY_IN_BACKGROUND_ROWS", 2000)
API_BULK_IN_BACKGROUND_ROWS = env_int("API_BULK_IN_BACKGROUND_ROWS", 2000)
# A long report's PDF is laid out in up to this many parts side by side, in processes of
# their own, and joined (core/pdf_parts.py); documents shorter than PDF_PARTS_FROM_CHARS of
# HTML in one. The parts follow from the HTML alone, not the machine, so the same records
# give the same bytes anywhere with the same settings; 1 lays out every PDF in one process.
PDF_RENDER_PARTS = env_int("PDF_RENDER_PARTS", 4)
PDF_PARTS_FROM_CHARS = env_int("PDF_PARTS_FROM_CHARS", 60000)

# Uploaded and generated files go through the storage API so that web and worker
# processes on different machines share them (S3-compatible storage in production).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
FILE_STORAGE = env.str("FILE_STORAGE", default="local")
if FILE_STORAGE == "local":
    default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif FILE_STORAGE == "s3":
    default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
            "access_key": env_secret("S3_ACCESS_KEY") or None,
            "secret_key": env_secret("S3_SECRET_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
else:
    raise ImproperlyConfigured(f"FILE_STORAGE must be 'local' or 's3', not {FILE_STORAGE!r}")
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", not DEBUG)
# Without the manifest (development, tests) files are served from static/ directly,
# so no collectstatic is needed.
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
if not STATIC_MANIFEST:
    STATIC_ROOT = None
STORAGES = {
    "default": default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Celery. Without REDIS_URL tasks run eagerly in-process, so the app needs no broker.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # Fail at start-up on a malformed URL rather than at the first task.
    env_url("REDIS_URL", REDIS_URL, env.cache_url_config, {"redis": 1, "rediss": 1})
# Celery and the durable jobs' settings, with why each is so: lscb/process_settings.py.
globals().update(celery_settings(redis_url=REDIS_URL, time_zone=TIME_ZONE))

# A request that touches Redis waits at most this long for it (seconds): to connect, then
# for each answer. Redis on the same network answers in well under a millisecond.
REDIS_SOCKET_CONNECT_TIMEOUT = 0.25
REDIS_SOCKET_TIMEOUT = 0.5
CACHES = cache_settings(
    redis_url=REDIS_URL, connect_timeout=REDIS_SOCKET_CONNECT_TIMEOUT, timeout=REDIS_SOCKET_TIMEOUT
)

# E-mail: printed to the console unless an SMTP server is configured.
EMAIL_CONFIG = env_url("EMAIL_URL", "consolemail://", env.email_url_config, env.EMAIL_SCHEMES)
vars().update(EMAIL_CONFIG)
# Or a provider's API through django-anymail: EMAIL_BACKEND=anymail.backends.<esp>.EmailBackend
# (e.g. anymail.backends.amazon_ses.EmailBackend) with the provider's ANYMAIL_* settings
# (ANYMAIL_POSTMARK_SERVER_TOKEN=...), which are read from the environment as they are.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="") or EMAIL_CONFIG["EMAIL_BACKEND"]
vars().update({name: value for name, value in os.environ.items() if name.startswith("ANYMAIL_")})
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="lscb@localhost")
# The service's own address, for links in e-mails sent by background tasks (no request).
SERVICE_URL = env.str("SERVICE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Audit trail: an allow-list, registered in code (board/audit_tracking.py): the board's
# domain records and people, never credentials, devices, lockouts or sessions. Entries are
# rows of board.AuditEntry, which names each entry's board in an indexed column.
AUDITLOG_LOGENTRY_MODEL = "board.AuditEntry"
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_ON_RAW_SAVE = True

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",  # first, so 401s say "Bearer"
        "rest_framework.authentication.SessionAuthentication",  # with CSRF checks
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": env.str("API_RATE", default="1200/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Safeguarding Board Manager API",
    "DESCRIPTION": "The board's records for partner systems. Authenticate with a personal "
    "API token (`Authorization: Bearer lscb_…`); a token sees exactly what its owner sees.",
    "VERSION": "1",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several records have a `status`, each with its own choices: name each enum.
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "board.models.ActionStatus",
        "ReturnStatusEnum": "subgroups.models.ReturnStatus",
        "ObservationStatusEnum": "datasets.models.Status",
        "VersionStatusEnum": "reports.models.VersionStatus",
        "Section11CycleKindEnum": "reviews.assurance.models.CycleKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.complete_schema",
    ],
}

# Security. With DEBUG off these are on; a deployment behind a TLS-terminating proxy
# sets SECURE_PROXY_SSL_HEADER via BEHIND_TLS_PROXY.
# Sessions live in the database, never only in the cache: Redis going away must not sign
# everyone out nor answer 500 (the cache fails open, which a session store must not).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True  # the age above is an idle timeout, not an absolute one
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind the proxy, X-Forwarded-Proto says whether the browser used HTTPS and the last
# X-Forwarded-For entry is the browser's address (core/client_ip.py); without it, neither
# header is believed, as anyone can send them.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content-Security-Policy: only our own scripts, styles, images and fonts; nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a decision for each deployer, not a default.
    "security.W021",
]

# /healthz answers 503 "degraded" when the newest worker heartbeat (a beat task every 60 s,
# lscb/schedules.py) is older than this many seconds: three missed beats. Keep it above the
# heartbeat's interval if that is changed in the admin.
HEALTH_WORKER_HEARTBEAT_MAX_AGE = env_int("HEALTH_WORKER_HEARTBEAT_MAX_AGE", 180)
# ...and when a job has waited in the outbox longer than this: five sweeps have re-sent it.
HEALTH_OUTBOX_MAX_AGE = env_int("HEALTH_OUTBOX_MAX_AGE", 300)

LOGGING = logging_config(level=env.str("LOG_LEVEL", default="INFO"))

# Demo log-ins are printed only in development.
SHOW_DEMO_PASSWORDS = DEBUG
