from celery import shared_task
from django.utils import timezone

from .models import Invitation, Notification, WorkerHeartbeat
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
@for_board(Notification)
def send_notification_email(notification_id: str) -> bool:
    """Queued by `notify` for a person who wants each notification straight away."""
    from .services.notifications import notification_email_send

    return notification_email_send(notification_id=notification_id)


@shared_task
@across_boards
def queue_notification_digests() -> int:
    """Daily: one summary job for each person with notifications marked for it."""
    from .services.notifications import notification_digests_queue

    return notification_digests_queue()


@shared_task
@for_board()
def send_notification_digest(board_id: str, user_id: str) -> int:
    """One person's daily summary for one board (a link for each, never the content)."""
    from .services.notifications import notification_digest_send

    return notification_digest_send(board_id=board_id, user_id=user_id)


@shared_task
@across_boards
def send_action_reminders() -> int:
    """Daily: tell action owners of actions due soon or overdue (a link, never the text)."""
    from .services.action_reminders import action_reminders_send

    return action_reminders_send()


@shared_task
@for_board(Invitation)
def send_invitation_email(invitation_id: str) -> bool:
    """The invitation's e-mail, with its link (rebuilt here: never passed in the job)."""
    from .services.invitations import invitation_email_send

    return invitation_email_send(invitation=Invitation.objects.get(pk=invitation_id))


@shared_task
@across_boards
def send_statutory_escalations() -> int:
    """Daily: tell holders of statutory clocks about to run out, and the manager and chair
    of those run out (board/services/statutory_escalation.py); once per clock and stage."""
    from .services.statutory_escalation import statutory_escalations_send

    return statutory_escalations_send()
