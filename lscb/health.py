"""/healthz: is the database answering, is the broker reachable, and is background work
being done?

"ok" (200): all is well. "error" (503): the database or the broker does not answer.
"degraded" (503): the site answers, but background work is not being done (no recent
worker heartbeat, or a job in the outbox has waited too long to be picked up). Monitoring
should alert on both; a load balancer that should keep sending requests while background
work is down reads the "database" field instead.
"""

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
        redis.Redis.from_url(
            settings.REDIS_URL,
            socket_connect_timeout=settings.REDIS_SOCKET_CONNECT_TIMEOUT,
            socket_timeout=settings.REDIS_SOCKET_TIMEOUT,
        ).ping()
        return "ok"
    except redis.RedisError as exc:
        return f"error: {exc.__class__.__name__}"


def worker_status() -> tuple[str, bool]:
    """The newest worker heartbeat, and whether it is recent enough.

    The heartbeat is a beat task that a worker runs and that writes to the database
    (board.tasks.record_worker_heartbeat), so it is fresh only while beat, the broker
    and a worker all work: exactly what queued work needs. A worker that beats but cannot
    take tasks from Redis goes stale, as it should. No heartbeat at all counts as stale:
    until a worker has run one, nothing shows that background work is being done."""
    if not settings.REDIS_URL:
        return "eager", True  # tasks run inside the request: there is no worker to miss
    from board.models import WorkerHeartbeat

    max_age = settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE
    latest = WorkerHeartbeat.objects.order_by("-seen_at").first()
    if latest is None:
        return "no heartbeat yet", False
    seconds = int((timezone.now() - latest.seen_at).total_seconds())
    if seconds > max_age:
        return f"last heartbeat {seconds} s ago, more than {max_age} s", False
    return f"last heartbeat {seconds} s ago", True


def outbox_status() -> tuple[str, bool]:
    """How long the oldest job has waited in the outbox (core.jobs), and whether that is
    within HEALTH_OUTBOX_MAX_AGE. The sweeper re-sends a job every minute, so one that
    still waits after that is not being taken: Redis is away, or no worker listens."""
    if not settings.REDIS_URL:
        return "eager", True
    from core.jobs.selectors import oldest_waiting_since

    since = oldest_waiting_since()
    if since is None:
        return "empty", True
    seconds = int((timezone.now() - since).total_seconds())
    max_age = settings.HEALTH_OUTBOX_MAX_AGE
    if seconds > max_age:
        return f"oldest job waiting {seconds} s, more than {max_age} s", False
    return f"oldest job waiting {seconds} s", True


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    status = {"database": database_status(), "broker": broker_status()}
    answering = all(value in {"ok", "eager"} for value in status.values())
    background_working = True
    if status["database"] == "ok":
        status["worker"], worker_working = worker_status()
        status["outbox"], outbox_moving = outbox_status()
        background_working = worker_working and outbox_moving
    else:
        status["worker"] = status["outbox"] = "unknown"
    if not answering:
        status["status"] = "error"
    elif not background_working:
        status["status"] = "degraded"
    else:
        status["status"] = "ok"
    return JsonResponse(status, status=200 if status["status"] == "ok" else 503)
