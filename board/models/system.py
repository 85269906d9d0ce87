from django.db import models


class WorkerHeartbeat(models.Model):
    """The last time each Celery worker ran the heartbeat task; read by /healthz so an
    operator can see that background work is really being done."""

    hostname = models.CharField(max_length=255, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.hostname} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
