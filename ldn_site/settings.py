"""Settings for LDN Guide: one module, read from the environment, with safe defaults.

Production differs from development only by environment variables (see .env.example).
"""

import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------------------------

# Off unless asked for: `make run` turns it on for local development.
DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(python -c 'import secrets; print(secrets.token_urlsafe(64))'), "
            "or set DJANGO_DEBUG=1 for local development only."
        )
    # Only ever used with DEBUG on, on a developer's own machine.
    SECRET_KEY = "dev-only-key-not-for-production-8c1f4e0b6a2d4f5e9b7c3a1d0e2f4a6b8c0d2e4f6a8b"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# The admin's address is set by the environment so that it is not the well-known /admin/.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# The clinic running the site, shown in the header and footer.
CLINIC_NAME = os.environ.get("DJANGO_CLINIC_NAME", "LDN Guide")

# Where the clinic's patients live: the emergency numbers, "paracetamol" or "acetaminophen",
# and the English of dates and spelling (clinical/data/regions.yaml). Staff can override it in
# the admin's Clinic settings.
CLINIC_REGIONS = ("us", "uk", "ie", "ca", "au", "nz")
CLINIC_REGION = os.environ.get("DJANGO_CLINIC_REGION", "us").strip().lower() or "us"
if CLINIC_REGION not in CLINIC_REGIONS:
    raise ImproperlyConfigured(
        f"DJANGO_CLINIC_REGION is {CLINIC_REGION!r}: use one of {', '.join(CLINIC_REGIONS)}."
    )

INSTALLED_APPS = [
    # The stock admin, with a second factor for staff when DJANGO_ADMIN_OTP is on.
    "staff.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # whitenoise serves static files in development too, exactly as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The project itself (settings, urls): configuration only.
    "ldn_site.apps.SiteConfig",
    # How the site is served: middleware, page cache, cache versions, health checks, errors.
    "serving",
    # The clinical-content core: sources, review records, urgent help, severity, load_content.
    "clinical",
    # The admin site with the second factor, and add_totp_device.
    "staff",
    "education",
    "checker",
    "checklist",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # whitenoise goes directly after SecurityMiddleware, as its docs ask; this one also serves
    # the hashed files of the other releases kept beside this one (STATIC_RELEASES_DIR). It
    # sends static files already compressed (by collectstatic).
    "serving.static.ReleaseStaticFilesMiddleware",
    # Pages are compressed (a slow phone gets about a fifth of the bytes). Compressing a page
    # that holds a secret (the CSRF token) next to text an attacker controls can leak the
    # secret through the compressed size (BREACH). It does not here: Django masks the CSRF
    # token afresh in every response, and this middleware adds a random number of bytes to
    # each compressed response ("Heal the Breach"), so sizes do not converge; and the only
    # text a page echoes back is what the patient posted, which another site cannot make the
    # patient's browser post (the CSRF check refuses it, and GET pages echo nothing).
    "django.middleware.gzip.GZipMiddleware",
    # A posted file gets a 415 page before anything else reads the body.
    "serving.middleware.RefuseUploadsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The page's language from its address: /es/... is Spanish, everything else English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, so that every checker post counts towards the limit.
    "serving.middleware.CheckRateLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # request.clinic and request.region; English pages in the region's English.
    "clinical.middleware.ClinicRegionMiddleware",
    # A database that does not answer gives the friendly 503 page, not a 500.
    "serving.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out admin login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ldn_site.urls"
WSGI_APPLICATION = "ldn_site.wsgi.application"

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
                "ldn_site.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Connections are kept for a minute and checked before reuse, so a database restart
        # costs one failed request at most. 0 closes them after each request (e.g. behind
        # PgBouncer in transaction mode).
        conn_max_age=int(os.environ.get("DJANGO_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite set up for several processes: WAL lets reads run during a write, IMMEDIATE
    # transactions take the write lock up front so the busy timeout applies.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """One cache from a URL: file:///path, db://table, locmem://, dummy://, redis://host:port/0."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": parts.path,
        }
    if parts.scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": parts.netloc or "ldn_cache",
        }
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ldn"}
    if parts.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if parts.scheme in {"redis", "rediss"}:
        # OPTIONS go to redis-py's connection pool, so only its own words belong here. A
        # server that stops answering costs a request half a second, never a hung worker.
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    raise ImproperlyConfigured(
        f"DJANGO_CACHE_URL must start with file://, db://, locmem://, dummy:// or redis://, not {url!r}."
    )


def with_max_entries(cache: dict, entries: int) -> dict:
    """File and database caches drop a random third of their entries when they hold more than
    MAX_ENTRIES; Redis has no such option (its maxmemory policy does the job, see deploy/)."""
    if cache["BACKEND"].endswith(("FileBasedCache", "DatabaseCache", "LocMemCache")):
        return {**cache, "OPTIONS": {**cache.get("OPTIONS", {}), "MAX_ENTRIES": entries}}
    return cache


def rate_limit_cache_from(default: dict) -> dict:
    """The rate limit's own cache beside the default one (another folder or table), so its
    many short-lived counters never push the few keys that matter out of the default cache."""
    backend = default["BACKEND"]
    if backend.endswith("FileBasedCache"):
        return {**default, "LOCATION": default["LOCATION"].rstrip("/") + "-rate-limit"}
    if backend.endswith("DatabaseCache"):
        return {**default, "LOCATION": default["LOCATION"] + "_rate_limit"}
    if backend.endswith("LocMemCache"):
        return {**default, "LOCATION": "ldn-rate-limit"}
    return dict(default)  # redis: one server, told apart by the key prefix


# One cache that every worker on this machine shares (a folder of files), so the page cache
# and the checker's "data changed" signal reach all of them. Several app servers share
# db://ldn_cache (in PostgreSQL) or a redis:// server instead.
_default_cache = cache_from_url(
    os.environ.get("DJANGO_CACHE_URL", f"file://{BASE_DIR / 'var' / 'cache'}")
)
CACHES = {
    # The default cache holds few keys (pages, data versions), so it never gets full.
    "default": {
        **with_max_entries(_default_cache, 5000),
        "KEY_PREFIX": "ldn",
        "TIMEOUT": 60 * 60,
    },
    "rate_limit": {
        **with_max_entries(rate_limit_cache_from(_default_cache), 20000),
        "KEY_PREFIX": "ldn-rate",
        "TIMEOUT": 120,
    },
}

# Seconds a published page stays in the cache; any staff save empties it at once. Off in
# development, where templates and styles change under the developer's hands.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))

# No page takes a file: a file part in a form post is refused as it starts (serving/uploads.py),
# so nothing is ever written to a temporary file.
FILE_UPLOAD_HANDLERS = ["serving.uploads.RefuseFiles"]
# The one exception: staff upload the official drug lists here (checker/admin.py). The view
# checks the staff member and their permission before the body is read, and reads at most
# checker.imports.MAX_UPLOAD_BYTES. The proxy must allow that size on this address only
# (deploy/nginx/ldn-guide.conf).
UPLOAD_URL_NAMES = [
    "admin:checker_importrun_add",
    # The clinic's logo (Clinic settings): kept in memory, at most 200 KB (issue 15).
    "admin:clinical_clinicsettings_add",
    "admin:clinical_clinicsettings_change",
]

# --- Auth -------------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out login never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin login throttling: 5 failures from one address for one username lock that pair out
# for 15 minutes (answered with 429); a successful login clears the count.
AXES_FAILURE_LIMIT = 5
AXES_LOCK_OUT_AT_FAILURE = True
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The 15 minutes count from the lockout, so staff know when they can try again.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "admin_locked_out.html"
AXES_CLIENT_IP_CALLABLE = "serving.middleware.client_ip"
# Failed-login records are kept for the cool-off; `manage.py prune_login_records` (run daily by
# deploy/systemd/ldn-guide-prune.timer) deletes every staff-login record older than this.
LOGIN_RECORDS_DAYS = int(os.environ.get("DJANGO_LOGIN_RECORDS_DAYS", "30"))
AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT = 100
# Staff passwords are never copied into the failed-login records.
AXES_SENSITIVE_PARAMETERS = ["password"]

# A second factor (a time-based code from an authenticator app) for every staff login.
# On by default when debug is off; `make run` and the tests turn it off.
ADMIN_OTP = env_bool("DJANGO_ADMIN_OTP", not DEBUG)
OTP_TOTP_ISSUER = CLINIC_NAME


def client_ip_header(written: str) -> str:
    """The request.META key for the header named in DJANGO_CLIENT_IP_HEADER, however it is
    written: X-Real-IP, x-real-ip, X_REAL_IP and HTTP_X_REAL_IP all mean HTTP_X_REAL_IP.
    REMOTE_ADDR says clients connect directly. Anything else stops the site with a message."""
    name = written.strip()
    if not name:
        return ""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name):
        raise ImproperlyConfigured(
            f"DJANGO_CLIENT_IP_HEADER={written!r} is not a header name. Write the header your "
            "proxy sets, for example X-Real-IP or X-Forwarded-For (or REMOTE_ADDR when clients "
            "connect directly)."
        )
    key = name.upper().replace("-", "_")
    if key == "REMOTE_ADDR":
        return key
    return key if key.startswith("HTTP_") else f"HTTP_{key}"


# Behind a proxy every request comes from the proxy's address. Name the header the proxy sets
# to the client's address (X-Real-IP, which nginx overwrites; or X-Forwarded-For with
# DJANGO_TRUSTED_PROXY_COUNT) so the rate limit and the login lockout count each person, not
# the proxy. Leave empty (or REMOTE_ADDR) when clients connect directly: a header a client
# can set itself must never be trusted.
CLIENT_IP_HEADER = client_ip_header(os.environ.get("DJANGO_CLIENT_IP_HEADER", ""))
# For X-Forwarded-For: how many proxies of the clinic's own append to it (nginx alone: 1; a
# cloud balancer in front of nginx: 2). The entry that many from the right is the client; the
# entries before it are whatever the client sent, and are never used.
try:
    TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1"))
except ValueError:
    raise ImproperlyConfigured(
        "DJANGO_TRUSTED_PROXY_COUNT must be a whole number: how many of the clinic's own "
        "proxies add to X-Forwarded-For (1 for nginx alone)."
    ) from None
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT must be 1 or more.")

# Checker, API and checklist posts allowed per address per minute; 0 turns the limit off
# (load tests only).
CHECK_RATE_LIMIT = int(os.environ.get("DJANGO_CHECK_RATE_LIMIT", "30"))

# Staff sessions end after 8 hours; patients never get a session at all.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# htmx reads the CSRF token from the form, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# --- Language and time ------------------------------------------------------------------------

# English at the addresses the site always had; Spanish under /es/ (ldn_site/urls.py). Each
# language is named in itself, as the language switch shows it.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
# The site's own words (templates, messages) in Spanish: locale/es/LC_MESSAGES/django.po,
# compiled to django.mo by `manage.py compilemessages` (make run, make test, deploy/release.sh).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
# The region's English (en-gb, en-au, ...): spelling from locale/, date formats from
# ldn_site/formats/ (clinical/data/regions.yaml names each region's locale).
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["ldn_site.formats"]
USE_TZ = True

# --- Static files -----------------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Releases side by side (deploy/release.sh): each release collects into its own folder under
# one shared folder, and every app server also serves the other releases' hashed files, so a
# page from the new release finds its style sheet on an old server during a rollout and the
# other way round. The release's name is its folder's name unless DJANGO_RELEASE says.
STATIC_RELEASES_DIR = os.environ.get("DJANGO_STATIC_RELEASES_DIR", "").strip()
if STATIC_RELEASES_DIR:
    STATIC_ROOT = Path(STATIC_RELEASES_DIR) / os.environ.get("DJANGO_RELEASE", BASE_DIR.name)
else:
    STATIC_ROOT = BASE_DIR / "staticfiles"
# Hashed, compressed files in production; the plain storage for development and tests, which
# then need no collectstatic step.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without collectstatic, whitenoise finds files where the finders do.
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST

# --- Security ---------------------------------------------------------------------------------

# On by default when debug is off. Set DJANGO_HTTPS=0 only for plain http on loopback.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    # Load balancers and the release script ask the app servers directly, over plain http.
    SECURE_REDIRECT_EXEMPT = [r"^(livez|readyz|healthz)$"]
    SECURE_HSTS_SECONDS = 31_536_000  # one year
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # TLS ends at the clinic's proxy, which tells us the original scheme in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Preloading HSTS is a commitment every subdomain must keep; the clinic opts in with
# DJANGO_HSTS_PRELOAD=1, so the reminder about it is not an error here.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
# A plain-language page when a form is too old or its cookie is missing.
CSRF_FAILURE_VIEW = "serving.views.csrf_failure"

# A strict policy: nothing from anywhere but this site, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "manifest-src": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# --- Logging ----------------------------------------------------------------------------------

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING")

# Who gets an email for each server error (500): "Name <address>" or addresses, comma-separated.
ADMINS = [
    (address.split("<")[0].strip() or address, address.split("<")[-1].rstrip(">").strip())
    for address in env_list("DJANGO_ADMINS", "")
]
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "ldn-guide@localhost")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))

# Logs carry method, path and status only; nothing a patient types is ever in a URL. Error
# emails go out for real server errors only: a 503 (the database is down) is the friendly
# page working as meant, and one email per patient request during an outage is a flood.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "server_errors_only": {"()": "serving.logs.ServerErrorsOnly"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false", "server_errors_only"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "loggers": {
        # As Django's own default (INFO, on to the root's console), with the filtered emails.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
