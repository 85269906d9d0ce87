"""Background work of the subgroups app: thin wrappers around services.
Scheduled in lscb/schedules.py."""

from celery import shared_task

from board.scoping import across_boards

from .services.groups import subgroup_access_sync_all
from .services.reminders import return_reminders_send


@shared_task
@across_boards
def send_return_reminders() -> int:
    """Daily: remind chairs of returns due soon or overdue (a link, never the content)."""
    return return_reminders_send()


@shared_task
@across_boards
def sync_subgroup_access() -> int:
    """Daily: give or take access for sub-group seats whose start or end date has come."""
    return subgroup_access_sync_all()
