from celery import shared_task
from django.utils import timezone

from .models import Invitation, WorkerHeartbeat
from .scoping import across_boards, for_board, outside_boards


@shared_task(bind=True)
@outside_boards
def record_worker_heartbeat(self) -> str:
    """Scheduled every minute (lscb/schedules.py); /healthz reports the newest beat."""
    # Run in-process (no broker), Celery still fills in the machine's name: say which it is.
    hostname = "in-process" if self.request.is_eager else self.request.hostname
    WorkerHeartbeat.objects.update_or_create(
        hostname=hostname, defaults={"seen_at": timezone.now()}
    )
    return hostname


@shared_task
@across_boards
def sync_membership_access() -> int:
    """Daily: give or take away access for memberships that started or ended since they
    were saved (to be scheduled in lscb/schedules.py)."""
    from .services.membership import memberships_sync_access

    return memberships_sync_access()


@shared_task
@for_board(Invitation)
def send_invitation_email(invitation_id: str) -> bool:
    """The invitation's e-mail, with its link (rebuilt here: never passed in the job)."""
    from .services.invitations import invitation_email_send

    return invitation_email_send(invitation=Invitation.objects.get(pk=invitation_id))
