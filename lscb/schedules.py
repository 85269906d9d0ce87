"""Every periodic task, in one place. Written to django-celery-beat's tables after each
migrate (so they can then be edited in the admin); an edited interval is left alone."""

from django_celery_beat.models import IntervalSchedule, PeriodicTask

# name -> (task, every N seconds, why)
DEFAULT_SCHEDULES = {
    "Worker heartbeat": (
        "board.tasks.record_worker_heartbeat",
        60,
        "Lets /healthz show that a worker is consuming the queue.",
    ),
}


def ensure_default_schedules(**kwargs) -> None:
    for name, (task, seconds, description) in DEFAULT_SCHEDULES.items():
        if PeriodicTask.objects.filter(name=name).exists():
            continue
        interval, _ = IntervalSchedule.objects.get_or_create(
            every=seconds, period=IntervalSchedule.SECONDS
        )
        PeriodicTask.objects.create(
            name=name, task=task, interval=interval, description=description
        )
