from celery import shared_task

from board.scoping import across_boards

from .services.alerts import scr_clock_alerts_send


@shared_task
@across_boards
def send_scr_clock_alerts() -> int:
    """Daily: e-mail a link to the SCR sub-group about case review clocks due or passed."""
    return scr_clock_alerts_send()
