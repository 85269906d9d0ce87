"""The shared cache (Redis), failing open: a request never fails, or waits long, because
Redis is away or hung.

The cache holds only counters and hints that the site can do without for a while: the API
throttle's counts and the password reset limit (core/rate_limit.py). Sessions live in the
database (SESSION_ENGINE), and the sign-in lockout counts there too (django-axes' database
handler), so losing the cache signs nobody out and unlocks nobody.

When Redis cannot be reached (refused, reset, or no answer within the socket timeouts in
settings.CACHES), each operation answers as if the cache were empty: reads miss, writes
are dropped, a counter starts again from one, so every limit built on it lets the request
through. One warning is logged when the outage is noticed; for RETRY_AFTER_SECONDS after
that the cache is not tried at all, so a hung Redis costs one request one timeout rather
than every request several. The first success after an outage is logged too.
"""

import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Only "the server is not there or not answering": a wrong command is a bug and raises.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
DEFAULT_RETRY_AFTER_SECONDS = 5.0

# Per process and per server: when each server may next be tried (time.monotonic()).
# Shared by the threads' cache objects (django.core.cache.caches is per thread).
_unavailable_until: dict[str, float] = {}


def server_label(servers: list[str]) -> str:
    """host:port/db of each server, never the password a URL may carry."""
    labels = []
    for url in servers:
        parts = urlsplit(url)
        labels.append(f"{parts.hostname}:{parts.port or 6379}{parts.path}")
    return ", ".join(labels)


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering as if empty while Redis is unavailable.

    OPTIONS go to redis-py's connection pool as usual (socket timeouts), except our own
    RETRY_AFTER_SECONDS: how long to leave an unavailable server alone."""

    def __init__(self, server, params: dict) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER_SECONDS", DEFAULT_RETRY_AFTER_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self.label = server_label(self._servers)

    def _fail_open(self, fallback: Any, operation: Callable[..., Any], *args: Any) -> Any:
        """operation(self, *args), or `fallback` while the server is unavailable."""
        now = time.monotonic()
        if _unavailable_until.get(self.label, 0.0) > now:
            return fallback
        try:
            result = operation(self, *args)
        except UNAVAILABLE as exc:
            _unavailable_until[self.label] = now + self.retry_after
            logger.warning(
                "The cache (Redis at %s) is unavailable (%s: %s): answering as if it were "
                "empty, so rate limits let requests through; trying it again in %g s.",
                self.label,
                exc.__class__.__name__,
                exc,
                self.retry_after,
            )
            return fallback
        if _unavailable_until.pop(self.label, None) is not None:
            logger.warning("The cache (Redis at %s) answers again.", self.label)
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._fail_open(False, RedisCache.add, key, value, timeout, version)

    def get(self, key, default=None, version=None) -> Any:
        return self._fail_open(default, RedisCache.get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._fail_open(None, RedisCache.set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._fail_open(False, RedisCache.touch, key, timeout, version)

    def delete(self, key, version=None) -> bool:
        return self._fail_open(False, RedisCache.delete, key, version)

    def get_many(self, keys, version=None) -> dict:
        return self._fail_open({}, RedisCache.get_many, keys, version)

    def has_key(self, key, version=None) -> bool:
        return self._fail_open(False, RedisCache.has_key, key, version)

    def incr(self, key, delta=1, version=None) -> int:
        # As if the key had just been created: the count starts again, so a limit allows.
        return self._fail_open(delta, RedisCache.incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        return self._fail_open(list(data), RedisCache.set_many, data, timeout, version)

    def delete_many(self, keys, version=None) -> None:
        self._fail_open(None, RedisCache.delete_many, keys, version)

    def clear(self) -> bool:
        return self._fail_open(False, RedisCache.clear)
