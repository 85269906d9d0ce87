"""Under pytest-xdist (`make test`) each worker has its own test database (pytest-django adds
the `_gwN` suffix), its own Redis database and its own media folder, so that a Celery worker
started by one test takes only that test's tasks and no worker sees another's files."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from lscb.celery import app
from lscb.settings_test import redis_url_for_worker

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def test_worker_n_uses_the_redis_database_n_places_after_redis_urls():
    assert redis_url_for_worker("redis://127.0.0.1:6379/7", "gw0") == "redis://127.0.0.1:6379/7"
    assert redis_url_for_worker("redis://127.0.0.1:6379/7", "gw1") == "redis://127.0.0.1:6379/8"
    assert redis_url_for_worker("redis://127.0.0.1:6379", "gw2") == "redis://127.0.0.1:6379/2"
    assert redis_url_for_worker("redis://:pw@redis:6380/0", "gw3") == "redis://:pw@redis:6380/3"
    assert redis_url_for_worker("redis://127.0.0.1:6379/7", "") == "redis://127.0.0.1:6379/7"


def test_too_many_workers_for_the_redis_databases_is_a_clear_error():
    with pytest.raises(RuntimeError, match="run fewer workers"):
        redis_url_for_worker("redis://127.0.0.1:6379/7", "gw9")


@pytest.mark.skipif(not (WORKER and settings.REDIS_URL), reason="only under xdist with Redis")
def test_this_workers_broker_result_backend_and_cache_are_its_own_redis_database():
    given, own = settings.TEST_REDIS_URL_GIVEN, settings.REDIS_URL
    assert own == redis_url_for_worker(given, WORKER)
    if WORKER != "gw0":
        assert own != given
    assert app.conf.broker_url == own
    assert app.conf.result_backend == own
    assert settings.CACHES["default"]["LOCATION"] == own


@pytest.mark.skipif(not WORKER, reason="only under xdist")
def test_this_workers_database_and_media_folder_are_its_own(db):
    assert connection.settings_dict["NAME"].endswith(f"_{WORKER}")
    assert WORKER in Path(settings.MEDIA_ROOT).parent.name
