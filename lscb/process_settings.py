"""Settings of the processes' plumbing, for lscb/settings.py: Celery's (which it puts in its
namespace: the broker, and the rules that make background work durable, core/jobs; without
a Redis URL tasks run eagerly in-process, so the app needs no broker) and logging's."""


def celery_settings(*, redis_url: str, time_zone: str) -> dict[str, object]:
    CELERY_BROKER_URL = redis_url or "memory://"
    CELERY_RESULT_BACKEND = redis_url or None
    CELERY_TASK_ALWAYS_EAGER = not redis_url
    CELERY_TASK_EAGER_PROPAGATES = True
    CELERY_WORKER_PREFETCH_MULTIPLIER = 1
    # Durable jobs (core/jobs): a message is acknowledged only once its task has finished, and
    # goes back to the queue when the process running it dies (a SIGKILL, the OOM killer), so
    # a lost worker loses no job; the job's lock and the sweeper make a job sent twice run once.
    CELERY_TASK_ACKS_LATE = True
    CELERY_TASK_REJECT_ON_WORKER_LOST = True
    # One attempt's limit, unless a task sets its own: the soft limit raises in the task (the
    # job records "took longer than..."), the hard one a minute later stops the process.
    CELERY_TASK_SOFT_TIME_LIMIT = 10 * 60
    CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 60
    # The longest job: no task sets a longer limit than the default (a full rebuild of every
    # snapshot is the rebuild_snapshots command, not a job). Raise it with any task that does.
    LONGEST_JOB_SECONDS = CELERY_TASK_SOFT_TIME_LIMIT
    # A request never waits on the broker: sending a job is one try with short timeouts, and a
    # send that fails leaves the job in the outbox for the sweeper (core/jobs/outbox.py).
    CELERY_TASK_PUBLISH_RETRY = False
    CELERY_BROKER_CONNECTION_TIMEOUT = 2
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # Redis gives an unacknowledged message to another worker after this long. Longer than
        # the longest job's hard limit, so a job still running is never started a second time;
        # a worker that died with a job is found sooner by the sweeper (its lock is released).
        "visibility_timeout": LONGEST_JOB_SECONDS + 60 + 5 * 60,
        "socket_connect_timeout": 1,
        # Longer than the worker's 1 s wait for the next message (BRPOP), short enough that a
        # hung Redis fails a send within a request's time.
        "socket_timeout": 2,
        # A send connects once: no reconnecting for seconds while a request waits. (A worker
        # reconnects by its own policy, broker_connection_max_retries.)
        "max_retries": 0,
    }
    # The result store, for tasks sent without a job (a ping); a job keeps its result in its
    # row and is sent with ignore_result, as subscribing to a result retries for 20 s.
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
    CELERY_REDIS_SOCKET_TIMEOUT = 5
    CELERY_TIMEZONE = time_zone
    CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
    return {name: value for name, value in locals().items() if name.isupper()}


def cache_settings(*, redis_url: str, connect_timeout: float, timeout: float) -> dict:
    """Redis when there is a broker, else memory (the embedded default)."""
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            # Fails open (core/cache.py): with Redis away or hung the throttle and the
            # password reset limit let requests through, and one warning is logged.
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "lscb",
            "OPTIONS": {
                "socket_connect_timeout": connect_timeout,
                "socket_timeout": timeout,
                # After a failure, leave Redis alone this long before trying it again.
                "RETRY_AFTER_SECONDS": 5,
            },
        }
    }


def logging_config(*, level: str) -> dict:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "root": {"handlers": ["console"], "level": level},
        # WeasyPrint logs every rendering step at INFO (several lines a page): keep its
        # warnings and errors (a refused image, bad CSS) and drop the rest; pikepdf (the
        # joining of a long report's parts) says at INFO that it has started.
        "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "pikepdf")},
    }
