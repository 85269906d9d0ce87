"""A fixed-window counter in the shared cache (Redis in production, so every web
container counts together): for limits on requests that cost something, such as sending
a password reset e-mail. While Redis is unavailable the cache fails open (core/cache.py):
nothing can be counted, so every request is allowed rather than refused or answered 500."""

from hashlib import sha256

from django.core.cache import cache


def cache_key(scope: str, value: str) -> str:
    """A short key that does not keep the value itself (an e-mail address) in the cache."""
    return f"rate:{scope}:{sha256(value.encode()).hexdigest()[:32]}"


def allow(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one more request under `key`; False once more than `limit` have been made in
    the window, which starts at the first request and lasts `window_seconds`."""
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between the two calls
        cache.add(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
