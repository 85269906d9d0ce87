from celery import shared_task

from board.scoping import across_boards

from .services.cdop_reminders import agency_form_reminders_send


@shared_task
@across_boards
def send_cdop_form_reminders() -> int:
    """Daily: remind agencies of overdue CDOP reporting forms (a link, never case details)."""
    return agency_form_reminders_send()


@shared_task
@across_boards
def send_scr_clock_alerts() -> int:
    """Daily: e-mail a link to the SCR sub-group about case review clocks due or passed."""
    from .services.scr_alerts import scr_clock_alerts_send

    return scr_clock_alerts_send()
