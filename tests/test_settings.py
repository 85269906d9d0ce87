"""Settings come from the environment, with safe defaults and loud failures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7#production-like-secret-key-for-the-deploy-check-4f9a2c1e8b3d6",
    "ALLOWED_HOSTS": "lscb.example.org",
    "DATABASE_URL": "postgres://lscb@db.example.org/lscb",
}


def run_python(code: str, **env_vars: str) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter with only the given settings in its environment."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "lscb.settings", **env_vars}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def read_setting(expression: str, **env_vars: str) -> str:
    result = run_python(
        f"import django; django.setup(); from django.conf import settings; print({expression})",
        **env_vars,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_embedded_default_is_sqlite_under_var():
    assert read_setting("settings.DATABASES['default']['ENGINE']", DEBUG="true").endswith("sqlite3")
    assert read_setting("settings.DATABASES['default']['NAME']", DEBUG="true").endswith(
        "var/lscb.sqlite3"
    )


def test_without_redis_tasks_run_in_process_and_the_cache_is_local():
    assert read_setting("settings.CELERY_TASK_ALWAYS_EAGER", DEBUG="true") == "True"
    assert "LocMemCache" in read_setting("settings.CACHES['default']['BACKEND']", DEBUG="true")


def test_with_redis_tasks_go_to_the_broker_and_the_cache_is_redis():
    env = {"DEBUG": "true", "REDIS_URL": "redis://127.0.0.1:6379/3"}
    assert read_setting("settings.CELERY_TASK_ALWAYS_EAGER", **env) == "False"
    assert read_setting("settings.CELERY_BROKER_URL", **env) == "redis://127.0.0.1:6379/3"
    assert "RedisCache" in read_setting("settings.CACHES['default']['BACKEND']", **env)


def test_the_redis_cache_fails_open_with_short_timeouts_and_sessions_are_in_the_database():
    env = {"DEBUG": "true", "REDIS_URL": "redis://127.0.0.1:6379/3"}
    cache = read_setting("settings.CACHES['default']", **env)
    assert "core.cache.FailOpenRedisCache" in cache
    assert "'socket_connect_timeout': 0.25" in cache
    assert "'socket_timeout': 0.5" in cache
    # Not the cache: Redis going away must not sign everyone out.
    assert read_setting("settings.SESSION_ENGINE", **env) == "django.contrib.sessions.backends.db"


def test_the_worker_heartbeat_threshold_comes_from_the_environment():
    assert read_setting("settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE", DEBUG="true") == "180"
    env = {"DEBUG": "true", "HEALTH_WORKER_HEARTBEAT_MAX_AGE": "600"}
    assert read_setting("settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE", **env) == "600"


def test_database_url_is_honoured():
    env = {"DEBUG": "true", "DATABASE_URL": "postgres://someone@dbhost:5433/boards"}
    assert read_setting("settings.DATABASES['default']['HOST']", **env) == "dbhost"
    assert read_setting("settings.DATABASES['default']['PORT']", **env) == "5433"


def test_a_secret_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file-secret\n")
    assert read_setting("settings.SECRET_KEY", SECRET_KEY_FILE=str(secret)) == (
        "from-a-file-secret"
    )


def test_email_goes_to_the_console_by_default():
    assert "console" in read_setting("settings.EMAIL_BACKEND", DEBUG="true")


@pytest.mark.parametrize(
    ("env_vars", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be true or false, not 'maybe'"),
        ({"DEBUG": "false"}, "SECRET_KEY must be set when DEBUG is off"),
        ({"DEBUG": "true", "DATABASE_URL": "nonsense://what"}, "DATABASE_URL is not a usable URL"),
        ({"DEBUG": "true", "REDIS_URL": "not a url"}, "REDIS_URL is not a usable URL"),
        ({"DEBUG": "true", "SESSION_IDLE_MINUTES": "half an hour"}, "SESSION_IDLE_MINUTES"),
        ({"DEBUG": "true", "HEALTH_WORKER_HEARTBEAT_MAX_AGE": "3 min"}, "HEALTH_WORKER_HEART"),
        ({"DEBUG": "true", "FILE_STORAGE": "floppy"}, "FILE_STORAGE must be 'local' or 's3'"),
        ({"SECRET_KEY_FILE": "/no/such/file"}, "SECRET_KEY_FILE cannot be read"),
    ],
)
def test_a_malformed_setting_stops_start_up_with_a_clear_message(env_vars, message):
    result = run_python("import django; django.setup()", **env_vars)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **PRODUCTION},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_an_empty_service_url_means_the_default():
    engine = read_setting("settings.DATABASES['default']['ENGINE']", DEBUG="true", DATABASE_URL="")
    assert engine.endswith("sqlite3")
