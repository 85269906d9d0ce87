from celery import shared_task

from .services.cdop_reminders import agency_form_reminders_send


@shared_task
def send_cdop_form_reminders() -> int:
    """Daily: remind agencies of overdue CDOP reporting forms (a link, never case details)."""
    return agency_form_reminders_send()
