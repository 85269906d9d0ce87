from celery import shared_task
from django.utils import timezone

from .models import WorkerHeartbeat


@shared_task(bind=True)
def record_worker_heartbeat(self) -> str:
    """Scheduled every minute (lscb/schedules.py); /healthz reports the newest beat."""
    hostname = self.request.hostname or "in-process"
    WorkerHeartbeat.objects.update_or_create(
        hostname=hostname, defaults={"seen_at": timezone.now()}
    )
    return hostname
