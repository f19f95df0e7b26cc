"""Digiskills settings: one module, read from the environment.

With nothing set, the project runs on the embedded default: SQLite (WAL), Celery
tasks run eagerly, files in a local folder, e-mail to the console, DEBUG on.
Setting DATABASE_URL, CELERY_BROKER_URL, CACHE_URL, S3_* and EMAIL_* switches
the same code to PostgreSQL, Redis, Celery workers, object storage and SMTP.
Every variable is listed in `.env.example`.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import cache_from_url, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything the platform writes at run time (SQLite, uploads, keys) lives here,
# never next to the code.
DATA_DIR = Path(env_str("DIGISKILLS_DATA_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set, and DJANGO_DEBUG is false: refusing to start "
            "in production without a secret key. Generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(64))'` "
            "and set DJANGO_SECRET_KEY in the environment."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-when-debug-is-off"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is empty: list the host names the platform answers to."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The public address of the platform, used in e-mails, QR codes and credentials.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# H5P activities play from this separate origin (scheme://host[:port]), served by
# the same project (courses.h5p.origin routes its host to the player alone). In
# development `localhost` is another origin, and another site, than 127.0.0.1:
# the platform's cookies never reach the player. Empty: H5P activities are not
# played.
H5P_PLAYER_ORIGIN = env_str("H5P_PLAYER_ORIGIN", "http://localhost:8000" if DEBUG else "").rstrip(
    "/"
)
if H5P_PLAYER_ORIGIN:
    _player_host = urlsplit(H5P_PLAYER_ORIGIN).hostname or ""
    if _player_host and "*" not in ALLOWED_HOSTS and _player_host not in ALLOWED_HOSTS:
        ALLOWED_HOSTS.append(_player_host)

INSTALLED_APPS = [
    # Project apps first so that their templates override the packages' ones.
    "frontend",
    "audit",
    "lms",
    "courses",
    "certificates",
    "partners",
    "payments",
    "analytics",
    # The project: composes the apps above (the demo seeder); owns no tables.
    "config",
    # Infrastructure: task messages the broker refused, re-sent later.
    "outbox",
    # Wagtail and its translation layer.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # django-ninja: installed so that its API docs use its bundled assets, no CDN.
    "ninja",
    # Accounts.
    "allauth",
    "allauth.account",
    # Second factors (TOTP, passkeys, recovery codes); required for staff roles.
    "allauth.mfa",
    # Belgian public identities (itsme, CSAM) through OpenID Connect.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Content-Security-Policy and its nonces.
    "csp",
    # Django.
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
    # Requests to H5P_PLAYER_ORIGIN go to the player and nowhere else, before
    # any session, CSRF or locale middleware could read or set a cookie.
    "courses.h5p.origin.PlayerOriginMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

if not DEBUG:
    # Static files from the collected, hashed and compressed STATIC_ROOT.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            # Django's cached loader, the project's own templates kept per
            # language with their fixed texts and addresses in place.
            "loaders": [
                (
                    "config.templates.LocalisedLoader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "frontend.context_processors.languages",
            ],
        },
    },
]
# Our form templates (accessible errors) live in frontend/templates/django/forms.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database ---------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            "OPTIONS": {
                # WAL lets the dev server read while a worker writes; IMMEDIATE
                # avoids "database is locked" on concurrent write transactions.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
# The busiest statements are prepared once per kept connection and planned
# once (lms/round_trips.py). A prepared statement lives in one PostgreSQL
# session: off where Django does not keep its connection (behind PgBouncer in
# transaction pooling, DATABASE_CONN_MAX_AGE=0), unless said otherwise.
DATABASE_PREPARED_STATEMENTS = env_bool(
    "DATABASE_PREPARED_STATEMENTS", DATABASES["default"].get("CONN_MAX_AGE", 0) != 0
)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Wagtail's PostgreSQL search backend needs it.
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "lms.User"

# --- Cache ------------------------------------------------------------------
CACHES = {"default": cache_from_url(env_str("CACHE_URL"))}

# --- Celery -----------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only once it finished, so a worker that dies mid-way
# leaves it on the queue; tasks are written to be safe to run twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Brussels"
# No task runs longer than the hard limit (the soft limit raises inside the
# task first, so it can save its progress). Long jobs are split into short
# chunks that save progress and queue the next (certificates bulk issuing).
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600)
CELERY_TASK_SOFT_TIME_LIMIT = env_int(
    "CELERY_TASK_SOFT_TIME_LIMIT", max(1, CELERY_TASK_TIME_LIMIT - 60)
)
# The longest wait a task message may carry (a retry's countdown); a longer
# wait is left to the periodic task that resumes due work from the database.
CELERY_MAX_COUNTDOWN = env_int("CELERY_MAX_COUNTDOWN", 600)
# Redis redelivers a message not acknowledged within the visibility timeout
# (a worker that died holding it). Longer than the longest task plus the longest
# countdown, or a running or waiting task would be delivered twice; kept short
# so a crashed worker's task comes back within minutes, not Redis's default hour.
CELERY_VISIBILITY_TIMEOUT = env_int(
    "CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT + CELERY_MAX_COUNTDOWN + 300
)
# Publishing gives up fast when the broker is away: the message is kept in the
# outbox (outbox app) and sent again later, so a page never waits long for it.
CELERY_BROKER_CONNECT_TIMEOUT = env_int("CELERY_BROKER_CONNECT_TIMEOUT", 1)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "socket_connect_timeout": CELERY_BROKER_CONNECT_TIMEOUT,
    # Bounds a publish to a server that accepts and never answers; longer than
    # the worker's 1-second BRPOP.
    "socket_timeout": env_int("CELERY_BROKER_SOCKET_TIMEOUT", 3),
}
CELERY_BROKER_CONNECTION_TIMEOUT = CELERY_BROKER_CONNECT_TIMEOUT
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.1,
    "interval_max": 0.1,
}
# The outbox is sent again this often (beat), and at every worker start.
OUTBOX_FLUSH_SECONDS = env_int("OUTBOX_FLUSH_SECONDS", 60)
# After a refused publish, this process sends straight to the outbox for this
# many seconds instead of making every page wait for the broker again.
OUTBOX_BROKER_PAUSE_SECONDS = env_int("OUTBOX_BROKER_PAUSE_SECONDS", 10)
# A job whose heartbeat is older than this is taken over by the resume task.
JOBS_STALE_SECONDS = env_int("JOBS_STALE_SECONDS", 300)
JOBS_RESUME_SECONDS = env_int("JOBS_RESUME_SECONDS", 60)

# --- Files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = DATA_DIR / "media"

S3_BUCKET_NAME = env_str("S3_BUCKET_NAME")
if S3_BUCKET_NAME:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET_NAME,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- E-mail -----------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Digiskills <no-reply@digiskills.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Learning Record Store (optional) ---------------------------------------
# Set LRS_ENDPOINT (e.g. Ralph's https://lrs.example.be/xAPI/) to forward every
# xAPI statement there through Celery; statements are always kept locally too.
LRS_ENDPOINT = env_str("LRS_ENDPOINT").rstrip("/")
LRS_USERNAME = env_str("LRS_USERNAME")
LRS_PASSWORD = env_str("LRS_PASSWORD")

# --- Languages --------------------------------------------------------------
# English is the source language of the interface strings and of the content
# editors translate from; every page exists in all four.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("de", _("German")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "courses" / "puzzles" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Accounts ---------------------------------------------------------------
# Django's and allauth's, each reading the person's groups with the person.
AUTHENTICATION_BACKENDS = [
    "lms.auth_backends.ModelBackend",
    "lms.auth_backends.AuthenticationBackend",
]
# AUTH_PASSWORD_VALIDATORS: see "MFA, login paths and passwords" at the end.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
# Mandatory in production: only then does sign-up hide whether an e-mail address
# already has an account (allauth's ACCOUNT_PREVENT_ENUMERATION, on by default).
ACCOUNT_EMAIL_VERIFICATION = env_str(
    "ACCOUNT_EMAIL_VERIFICATION", "optional" if DEBUG else "mandatory"
)
ACCOUNT_USER_DISPLAY = "lms.selectors.user_display_name"
ACCOUNT_LOGOUT_ON_GET = False

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Digiskills"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security ---------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's page preview is an iframe on our own origin.
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    if env_bool("DJANGO_BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
# security.W019 asks for X_FRAME_OPTIONS=DENY; Wagtail's preview needs SAMEORIGIN,
# which still refuses framing by any other site.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# --- Logging ----------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Certificates -----------------------------------------------------------
# Encrypts the certificate signing keys at rest; falls back to DJANGO_SECRET_KEY.
# Changing it makes the stored keys unreadable: rotate keys first.
CERTIFICATES_KEY_SECRET = env_str("CERTIFICATES_KEY_SECRET")
# Public verification lookups per client: "<count>/<seconds>".
CERTIFICATES_VERIFY_RATE = env_str("CERTIFICATES_VERIFY_RATE", "30/60")
# Puzzle program checks allowed per player (or visitor address): <count>/<seconds>.
PUZZLES_CHECK_RATE = env_str("PUZZLES_CHECK_RATE", "30/60")
# Who issues the certificates, as printed and signed.
CERTIFICATES_ISSUER_NAME = env_str("CERTIFICATES_ISSUER_NAME", "Digiskills")
# Its postal address, printed on the certificates (one line).
CERTIFICATES_ISSUER_ADDRESS = env_str(
    "CERTIFICATES_ISSUER_ADDRESS", "Rue de l'Exemple 1, 1000 Brussels, Belgium"
)
# Learners per task of a bulk issuing job: each chunk is a short task that saves
# its progress and queues the next, so a dead worker costs one chunk at most.
CERTIFICATES_BULK_CHUNK = env_int("CERTIFICATES_BULK_CHUNK", 50)

# --- Partner API and webhooks -----------------------------------------------
# Requests per organisation (all its tokens together): "<count>/<seconds>"
# (fixed window in the shared cache).
PARTNERS_API_RATE = env_str("PARTNERS_API_RATE", "120/60")
# Webhook addresses must be https in production; plain http only for local tests.
PARTNERS_WEBHOOK_ALLOW_HTTP = env_bool("PARTNERS_WEBHOOK_ALLOW_HTTP", DEBUG)
# Attempts per delivery before it is marked failed (exponential backoff between).
PARTNERS_WEBHOOK_MAX_ATTEMPTS = env_int("PARTNERS_WEBHOOK_MAX_ATTEMPTS", 8)
# --- Partners --------------------------------------------------------------
# Learner files partners upload (CSV or XLSX): the largest accepted, in bytes
# and in rows, and the size from which checking and enrolling run in Celery.
# The upload page stops reading a body past PARTNER_IMPORT_MAX_BYTES + 64 KB
# (partners/uploads.py, 413 with the form); the proxy's body limit (nginx
# client_max_body_size, README "Production") must be at least that.
PARTNER_IMPORT_MAX_BYTES = env_int("PARTNER_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
PARTNER_IMPORT_MAX_ROWS = env_int("PARTNER_IMPORT_MAX_ROWS", 100_000)
PARTNER_IMPORT_BACKGROUND_ROWS = env_int("PARTNER_IMPORT_BACKGROUND_ROWS", 1000)
# An import's welcome e-mails wait until staff release them, then go at this
# pace (per import); its webhook lists the learners this many per delivery.
PARTNER_WELCOME_PER_MINUTE = env_int("PARTNER_WELCOME_PER_MINUTE", 200)
PARTNERS_WEBHOOK_PAGE_SIZE = env_int("PARTNERS_WEBHOOK_PAGE_SIZE", 500)

# --- Demo -------------------------------------------------------------------
# seed_demo refuses to run unless this is on; it is off whenever DEBUG is off.
DEMO_MODE = DEBUG and env_bool("DIGISKILLS_DEMO", True)

ACCOUNT_ADAPTER = "lms.adapters.AccountAdapter"
# Sign-up asks for the legal name (given and family name, as on the identity card).
ACCOUNT_FORMS = {"signup": "lms.forms.accounts.SignupForm"}

# --- Rate limits and the real client address (issue 19) ---------------------
# Every limit counts per client address (config/ratelimit.py). Behind a proxy
# REMOTE_ADDR is the proxy's own address, so say how the real one arrives:
# TRUSTED_CLIENT_IP_HEADER names a header the proxy sets and clients cannot
# (e.g. X-Real-IP), or TRUSTED_PROXY_COUNT is how many proxies of ours append
# to X-Forwarded-For (0: the header is ignored, the default for direct access).
# allauth's login limits read the same values.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER", "")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER or None
# Children's picture sign-in: wrong pictures per device (browser cookie) and,
# for devices without the cookie or that keep dropping it, per client address
# ("<count>/<seconds>"). A whole class may sit behind one school address.
CLASS_LOGIN_DEVICE_RATE = env_str("CLASS_LOGIN_DEVICE_RATE", "20/900")
CLASS_LOGIN_ADDRESS_RATE = env_str("CLASS_LOGIN_ADDRESS_RATE", "150/900")
# --- Belgian login: itsme and CSAM/FAS through OpenID Connect (issue 19) ------
# One allauth OpenID Connect app per identity service, switched on only when
# its three variables are set (<PREFIX>_OIDC_SERVER_URL is the issuer; its
# /.well-known/openid-configuration must name exactly that issuer). Register
# <SITE_URL>/accounts/oidc/<itsme|csam>/login/callback/ with the service.
# lms.identity_providers adds what allauth does not check: signature always,
# nonce, configured issuer, userinfo about the same person.


def _identity_service_app(provider_id: str, prefix: str, name: str) -> dict | None:
    server_url = env_str(f"{prefix}_OIDC_SERVER_URL")
    client_id = env_str(f"{prefix}_OIDC_CLIENT_ID")
    secret = env_str(f"{prefix}_OIDC_CLIENT_SECRET")
    if not (server_url and client_id and secret):
        return None
    app_settings = {
        "server_url": server_url,
        "oauth_pkce_enabled": True,
        "fetch_userinfo": True,
        "scope": env_str(f"{prefix}_OIDC_SCOPES").split() or ["openid", "profile", "email"],
    }
    auth_method = env_str(f"{prefix}_OIDC_TOKEN_AUTH_METHOD")
    if auth_method:  # client_secret_post or client_secret_basic
        app_settings["token_auth_method"] = auth_method
    return {
        "provider_id": provider_id,
        "name": name,
        "client_id": client_id,
        "secret": secret,
        "settings": app_settings,
    }


IDENTITY_SERVICE_APPS = [
    app
    for app in (
        _identity_service_app("itsme", "ITSME", "itsme"),
        _identity_service_app("csam", "CSAM", "CSAM"),
    )
    if app is not None
]
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "lms.identity_providers.IdentityServiceProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": IDENTITY_SERVICE_APPS,
    }
}
SOCIALACCOUNT_ADAPTER = "lms.adapters.SocialAccountAdapter"
# Never sign someone in to an existing account because an identity service
# reports the same e-mail address: they sign in first, then link the service.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_QUERY_EMAIL = True
# --- Legal pages, versioned acceptance, error pages (issue 19)
# Who runs this platform, as the legal notice and privacy notice name it (the
# data controller). Set them for each deployment; the defaults are examples.
LEGAL_OPERATOR = {
    "name": env_str("LEGAL_OPERATOR_NAME", "Digiskills"),
    "address": env_str("LEGAL_OPERATOR_ADDRESS", "Rue de l'Exemple 1, 1000 Bruxelles"),
    "enterprise_number": env_str("LEGAL_OPERATOR_ENTERPRISE_NUMBER", "0000.000.000"),
    "email": env_str("LEGAL_CONTACT_EMAIL", "contact@digiskills.example.be"),
    "dpo_email": env_str("LEGAL_DPO_EMAIL", "dpo@digiskills.example.be"),
}
# --- GDPR rights and retention (issue 19) -------------------------------------
# "Download my data" (/me/data/) and "Delete my account" (/me/delete/) need no
# settings. The retention schedule (lms.tasks.retention_apply, nightly) warns
# an account nobody signed in to for GDPR_INACTIVE_WARN_MONTHS, then erases it
# GDPR_INACTIVE_ERASE_MONTHS after the warning unless the person signed in.
# Accounts with a role and children in an open class are never touched; the
# children of a closed class are erased when it closes. At most
# GDPR_RETENTION_BATCH accounts per step and run.
GDPR_INACTIVE_WARN_MONTHS = env_int("GDPR_INACTIVE_WARN_MONTHS", 36)
GDPR_INACTIVE_ERASE_MONTHS = env_int("GDPR_INACTIVE_ERASE_MONTHS", 2)
GDPR_RETENTION_BATCH = env_int("GDPR_RETENTION_BATCH", 500)
# Partners' uploaded learner files (partners.tasks.import_files_purge, nightly):
# deleted this many days after the import was committed; an import never
# committed is closed ("expired") with its file and rows after
# PARTNER_IMPORT_UNCOMMITTED_KEEP_DAYS.
PARTNER_IMPORT_FILE_KEEP_DAYS = env_int("PARTNER_IMPORT_FILE_KEEP_DAYS", 7)
PARTNER_IMPORT_UNCOMMITTED_KEEP_DAYS = env_int("PARTNER_IMPORT_UNCOMMITTED_KEEP_DAYS", 30)
# --- MFA, login paths and passwords (issue 19) ------------------------------
# Second factors for everyone: an authenticator app (TOTP), passkeys and
# security keys (WebAuthn), and recovery codes.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
# "Sign in with a passkey" on the sign-in page (no password at all).
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Digiskills"
# WebAuthn needs https; plain http is accepted only for localhost in
# development and tests (config/settings/test.py switches it on).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG and env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", True)
# Staff roles (lms.permissions.user_is_staff_role) must have a second factor and
# use it before anything staff-only opens (lms.middleware); tests switch
# it off by default and on where they test it.
MFA_REQUIRED = env_bool("MFA_REQUIRED", True)
MIDDLEWARE.append("lms.middleware.StaffMFAMiddleware")
# Every login (allauth's, and /cms/login/, /django-admin/login/ and Wagtail's
# page-privacy login, which config/urls.py hands to allauth's) is throttled per
# account and per client; a throttled account is refused even the right
# password until the window passes.
ACCOUNT_RATE_LIMITS = {
    "login": env_str("ACCOUNT_RATE_LIMIT_LOGIN", "30/m/ip"),
    "login_failed": env_str("ACCOUNT_RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/5m/key"),
}
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Password resets go through allauth's, which is rate-limited and hides whether
# an account exists; Wagtail's own /cms/password_reset/ answers 404.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# New passwords: at least 12 characters, not one of the common passwords of
# Django's bundled list (20,000 leaked passwords, read from disk, no network).
PASSWORD_MIN_LENGTH = env_int("PASSWORD_MIN_LENGTH", 12)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# --- Roles and shared computers (issue 19) -----------------------------------
# Learners' data goes by permissions held by roles (lms/roles.py), never by
# is_staff. Signed-in sessions end after this many seconds without activity
# (0: never), shorter for staff roles and on a shared computer (the sign-in
# form's "This is a shared computer", which also ends the session when the
# browser closes). The page warns SESSION_IDLE_WARNING seconds before the end.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
SESSION_IDLE_TIMEOUT_STAFF = env_int("SESSION_IDLE_TIMEOUT_STAFF", 15 * 60)
SESSION_IDLE_TIMEOUT_SHARED = env_int("SESSION_IDLE_TIMEOUT_SHARED", 10 * 60)
SESSION_IDLE_WARNING = env_int("SESSION_IDLE_WARNING", 2 * 60)
# The last activity is written to the session at most this often (seconds).
SESSION_IDLE_WRITE_EVERY = 60
# After authentication, locale and messages: the sign-in page it sends an
# expired session to is in the request's language, with a message.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "lms.idle.IdleSessionMiddleware",
)
ACCOUNT_FORMS["login"] = "lms.forms.accounts.LoginForm"
# --- Hardening: CSP, Permissions-Policy, health, cookies (issue 19) -----------
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

# After the H5P player origin's middleware (which answers with its own policy),
# so the platform's policy never reaches the player.
MIDDLEWARE.insert(
    MIDDLEWARE.index("courses.h5p.origin.PlayerOriginMiddleware") + 1,
    "config.security.PlatformCSPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "config.security.PermissionsPolicyMiddleware",
)
# The platform's Content-Security-Policy: scripts only from our own static
# files (a nonce where a template cannot avoid an inline one), no inline style
# attributes or elements (Blockly's puzzle page relaxes style-src for itself,
# courses/puzzles/views.py), frames only from ourselves and the H5P player
# origin (added per request, config/security.py). Violations are reported to
# /csp-report.
SECURITY_CSP_REPORT_URI = "/csp-report"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "report-uri": [SECURITY_CSP_REPORT_URI],
    },
}
# Wagtail's and Django's admin pages (staff only, behind sign-in): Wagtail 8
# still writes inline scripts and style attributes, so scripts and styles may
# be inline there, and nowhere else.
SECURITY_CSP_ADMIN_PATH_PREFIXES = ["/cms/"]
SECURITY_CSP_ADMIN_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}
# More origins forms may post (or be redirected) to, comma-separated (the
# OpenID Connect providers in SOCIALACCOUNT_PROVIDERS are added by themselves).
SECURITY_CSP_FORM_ACTION_EXTRA = env_list("SECURITY_CSP_FORM_ACTION_EXTRA", [])
# CSP violation reports accepted per client address: "<count>/<seconds>".
SECURITY_CSP_REPORT_RATE = env_str("SECURITY_CSP_REPORT_RATE", "60/60")
# Browser features no page uses are switched off; fullscreen for the platform
# and the H5P player origin (added per request).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
}
PERMISSIONS_POLICY_PLAYER_FEATURES = ["fullscreen"]
# The Wagtail dashboard would ask releases.wagtail.org for a newer version from
# each superuser's browser: connect-src refuses it, and upgrades are ours to plan.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No staff avatars from gravatar.com: img-src refuses them, and the request
# would hand a hash of each editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# /healthz answers anyone with up or down only; with "Authorization: Bearer
# <HEALTHZ_TOKEN>" it names each backend's check (empty: details for no one).
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN", "")
# /bench/bare (the benchmarks' yardstick view) is routed only when this is on:
# benchmarks/server.py sets it for the gunicorn it starts.
BENCHMARK_ROUTES = env_bool("DIGISKILLS_BENCHMARK_ROUTES", False)
# Webhooks may go to a receiver on this machine's loopback (127.0.0.0/8, ::1,
# localhost) only when this is on: tests and local development. Every other
# private, local or reserved host is refused whatever the settings
# (partners/netguard.py); PARTNERS_WEBHOOK_ALLOW_HTTP only allows plain http.
PARTNERS_WEBHOOK_ALLOW_LOOPBACK = env_bool("PARTNERS_WEBHOOK_ALLOW_LOOPBACK", False)

# --- payments (Stripe, vouchers, invoices) -----------------------------------
# Payments are on when STRIPE_SECRET_KEY is set. Without it, `make run` starts
# localstripe (a stateful fake Stripe from PyPI) and sets STRIPE_API_BASE to it;
# with neither, the payment pages say payments are off. Production: sk_live_...,
# pk_live_..., and the signing secret of the webhook endpoint created in Stripe's
# dashboard for <SITE_URL>/payments/stripe/webhook/.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", "")
# Empty: Stripe itself. http://127.0.0.1:8420 for localstripe.
STRIPE_API_BASE = env_str("STRIPE_API_BASE", "")
# The seller on every invoice (Belgian enterprise and VAT numbers, checked).
INVOICE_SELLER_NAME = env_str("INVOICE_SELLER_NAME", "Digiskills vzw")
INVOICE_SELLER_STREET = env_str("INVOICE_SELLER_STREET", "Kunstlaan 1")
INVOICE_SELLER_POSTCODE = env_str("INVOICE_SELLER_POSTCODE", "1000")
INVOICE_SELLER_CITY = env_str("INVOICE_SELLER_CITY", "Brussel")
INVOICE_SELLER_COUNTRY = env_str("INVOICE_SELLER_COUNTRY", "BE")
INVOICE_SELLER_COMPANY_NUMBER = env_str("INVOICE_SELLER_COMPANY_NUMBER", "0403170701")
INVOICE_SELLER_VAT_NUMBER = env_str("INVOICE_SELLER_VAT_NUMBER", "BE0403170701")
INVOICE_SELLER_IBAN = env_str("INVOICE_SELLER_IBAN", "BE71096123456769")
INVOICE_SELLER_EMAIL = env_str("INVOICE_SELLER_EMAIL", "invoices@digiskills.example")

# --- payments: vouchers ---------------------------------------------------------
# Code lookups on the redeem page, per client address and per account (against
# guessing: a code has 75 random bits, so this only keeps the noise down).
PAYMENTS_VOUCHER_REDEEM_RATE = env_str("PAYMENTS_VOUCHER_REDEEM_RATE", "20/600")

# --- Page cache and compression (issue 21) ------------------------------------
# Anonymous Wagtail pages are served from CACHES["default"] (Redis in
# production: every worker shares it) for PAGE_CACHE_SECONDS, keyed on the
# page-tree version so a publish retires them all (courses/page_cache.py); 0
# switches the page cache off. Proxies and CDNs may keep them as long
# (s-maxage), browsers PAGE_CACHE_BROWSER_SECONDS (max-age).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
# Before the session, locale and authentication middlewares (a hit needs none
# of them), after the CSP middleware (every hit gets its own policy header).
MIDDLEWARE.insert(
    MIDDLEWARE.index("config.security.PlatformCSPMiddleware") + 1,
    "courses.page_cache.PageCacheMiddleware",
)
# Text responses gzipped: after the H5P player origin's middleware and
# WhiteNoise (they serve their own files), before anything that writes a body.
MIDDLEWARE.insert(
    MIDDLEWARE.index("courses.h5p.origin.PlayerOriginMiddleware") + 1,
    "config.compression.TextGZipMiddleware",
)
# Views marked @stateless (the verification API, published keys, status
# lists) are answered here, after compression and before everything that
# serves a person (CSP nonces, page cache, session, locale, CSRF, sign-in,
# messages, MFA): config/stateless.py.
MIDDLEWARE.insert(
    MIDDLEWARE.index("config.compression.TextGZipMiddleware") + 1,
    "config.stateless.StatelessViewMiddleware",
)
# Pages marked @sessionless_page (the verification page), for a GET without a
# session or message cookie: after the CSP and the page cache, before the
# session and everything that serves a signed-in person: config/stateless.py.
MIDDLEWARE.insert(
    MIDDLEWARE.index("courses.page_cache.PageCacheMiddleware") + 1,
    "config.stateless.SessionlessPageMiddleware",
)
# A CDN or Varnish in front is told to forget a page (in every language) and
# the catalogues and home pages when it is published, unpublished or moved:
# FRONTEND_CACHE_PURGE_URL for Varnish or any HTTP cache taking PURGE requests
# (e.g. http://varnish:6081), or a Cloudflare API token (Zone.Cache Purge) and
# zone id. Neither set: no purge is sent.
INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_API_TOKEN"):
    if not env_str("CLOUDFLARE_ZONE_ID"):
        raise ImproperlyConfigured("CLOUDFLARE_API_TOKEN is set without CLOUDFLARE_ZONE_ID")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
# Translations are pages with their own addresses (wagtail-localize): Wagtail
# must not rewrite one address into the other languages' prefixes.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# --- scale: read replica, PgBouncer, Celery queues, receipts, CDN ---------------
# A read replica for the fund reports and partner exports (config/db_router.py):
# reads that may be seconds behind, sent there explicitly; writes, migrations
# and reads inside a transaction stay on "default".
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_URL and DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
DATABASE_REPLICA_READS = "replica" in DATABASES
DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"] if DATABASE_REPLICA_READS else []
# Behind PgBouncer in transaction pooling: a named cursor cannot outlive the
# transaction that made it (set with DATABASE_CONN_MAX_AGE=0).
if env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS", False):
    for _alias in DATABASES.values():
        _alias["DISABLE_SERVER_SIDE_CURSORS"] = True

# Every task has a queue (config/queues.py); a worker reads some or all of them.
from config.queues import DEFAULT as _DEFAULT_QUEUE  # noqa: E402
from config.queues import TASK_ROUTES as CELERY_TASK_ROUTES  # noqa: E402, F401

CELERY_TASK_DEFAULT_QUEUE = _DEFAULT_QUEUE

# Receipts of certificate checks wait in Redis until this beat task stores them.
CERTIFICATES_RECEIPTS_DRAIN_SECONDS = env_int("CERTIFICATES_RECEIPTS_DRAIN_SECONDS", 30)

# Static files from a CDN: its address (e.g. https://cdn.example.org/static/),
# pulling from this server's /static/ (hashed names, cached for a year).
STATIC_URL = env_str("STATIC_URL") or STATIC_URL
# --- signed-in pages: sessions ------------------------------------------------
# Sessions are read from the shared cache and written through to the database
# (one round trip less on every signed-in request), the page-tree version read
# along in the same round trip (config/sessions.py). Only with a shared cache:
# with a per-process cache, a session ended in one process (sign-out, erasure)
# would still be valid in another process's copy. Code that ends sessions goes
# through the session store (SessionStore(key).delete()), never the ORM.
SESSION_ENGINE = (
    "config.sessions"
    if CACHES["default"]["BACKEND"].endswith("RedisCache")
    else "django.contrib.sessions.backends.db"
)
