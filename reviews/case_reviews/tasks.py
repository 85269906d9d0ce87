from celery import shared_task

from board.scoping import across_boards

from .services.alerts import scr_clock_alerts_send
from .services.incident_notices import incident_clock_alerts_send


@shared_task
@across_boards
def send_scr_clock_alerts() -> int:
    """Daily: tell the SCR sub-group about case review and serious incident clocks due or
    passed (one task, so the schedule needs no second entry)."""
    return scr_clock_alerts_send() + incident_clock_alerts_send()
