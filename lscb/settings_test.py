"""Settings for the test suite: the real settings, with a test secret, unhashed static
file names (no collectstatic needed) and a fast password hasher."""

import os
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("STATIC_MANIFEST", "false")

REDIS_DATABASES = 16  # a Redis server's default number of databases


def redis_url_for_worker(url: str, worker: str) -> str:
    """Under pytest-xdist, worker gwN uses Redis database (REDIS_URL's database + N), so that
    its Celery worker takes only its own tasks and its cache is its own: a task queued by one
    worker names records in that worker's test database, which another worker cannot see."""
    if not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    database = base + int(worker.removeprefix("gw"))
    if database >= REDIS_DATABASES:
        raise RuntimeError(
            f"pytest-xdist worker {worker} would use Redis database {database} (REDIS_URL's "
            f"{base} + {worker}), past the last one ({REDIS_DATABASES - 1}): run fewer workers "
            "(-n) or point REDIS_URL at a lower database"
        )
    return urlunsplit(parts._replace(path=f"/{database}"))


# Set before the real settings read it: the broker, result backend and cache all follow.
TEST_REDIS_URL_GIVEN = os.environ.get("REDIS_URL", "")  # before the worker's offset
if os.environ.get("REDIS_URL") and os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["REDIS_URL"] = redis_url_for_worker(
        os.environ["REDIS_URL"], os.environ["PYTEST_XDIST_WORKER"]
    )

from lscb.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Rendering reports ahead of the request (reports/render_ahead.py) is turned on by the tests
# of it: elsewhere a committed edit would queue renders no test asked for.
REPORTS_RENDER_AHEAD = False
