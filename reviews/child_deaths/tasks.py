from celery import shared_task

from board.scoping import across_boards

from .services.reminders import agency_form_reminders_send


@shared_task
@across_boards
def send_cdop_form_reminders() -> int:
    """Daily: remind agencies of overdue CDOP reporting forms (a link, never case details)."""
    return agency_form_reminders_send()
