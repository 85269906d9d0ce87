"""/healthz: is the database answering, and is the broker reachable?"""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # any failure is reported, never raised, by a health check
        return f"error: {exc.__class__.__name__}"


def broker_status() -> str:
    if not settings.REDIS_URL:
        return "eager"
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
        return "ok"
    except redis.RedisError as exc:
        return f"error: {exc.__class__.__name__}"


def worker_status() -> str:
    if not settings.REDIS_URL:
        return "eager"
    from board.models import WorkerHeartbeat

    latest = WorkerHeartbeat.objects.order_by("-seen_at").first()
    if latest is None:
        return "no heartbeat yet"
    seconds = int((timezone.now() - latest.seen_at).total_seconds())
    return f"last heartbeat {seconds} s ago"


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    status = {"database": database_status(), "broker": broker_status()}
    healthy = all(value in {"ok", "eager"} for value in status.values())
    # A worker that has not beaten yet is reported but does not fail the check: workers
    # start after web processes, and the web answers requests without them.
    status["worker"] = worker_status() if status["database"] == "ok" else "unknown"
    status["status"] = "ok" if healthy else "error"
    return JsonResponse(status, status=200 if healthy else 503)
