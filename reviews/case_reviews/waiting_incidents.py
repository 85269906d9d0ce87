"""Serious incidents' running clocks on the board's home page (board/waiting.py), for
those who read the reviews: each line a clock and its due date ("1 rapid review to send
to the Panel by 15 January 2015"), soonest first, with its practice review's clocks once
the partners hold one; a line links to the incident (or, for several, the list)."""

from collections import Counter
from datetime import date

from board.access import BoardAccess
from board.models import Board
from board.waiting import Waiting
from core.links import board_url

from .clocks import OVERDUE
from .selectors import incidents as selectors
from .services.reviews import scr_settings

WORDS = {  # clock key -> (singular, plural), each followed by "by <date>"
    "incident_notification": (
        "incident to notify to the Panel",
        "incidents to notify to the Panel",
    ),
    "partners_told": ("incident to tell the partners of", "incidents to tell the partners of"),
    "rapid_review": ("rapid review to send to the Panel", "rapid reviews to send to the Panel"),
    "panel_response": ("Panel response expected", "Panel responses expected"),
    "completion": ("practice review to complete", "practice reviews to complete"),
    "publication": ("practice review to publish", "practice reviews to publish"),
    "prepublication_notice": (
        "notice of publication to give the Panel",
        "notices of publication to give the Panel",
    ),
}
MOST_LINES = 8


def incident_clocks_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    settings = scr_settings(board=board)
    rows = selectors.incident_rows(selectors.incidents_for_clocks(board=board), settings, today)
    due: Counter = Counter()
    first_incident = {}
    for row in rows:
        for clock in row.running:
            key = (clock.deadline, clock.key, clock.status == OVERDUE)
            due[key] += 1
            first_incident.setdefault(key, row.incident.pk)
    lines = []
    for key in sorted(due)[:MOST_LINES]:
        deadline, clock_key, overdue = key
        singular, plural = WORDS[clock_key]
        when = f"by {deadline:%-d %B %Y}{' (overdue)' if overdue else ''}"
        if due[key] == 1:
            href = board_url(board, "case_reviews:incident-detail", incident_id=first_incident[key])
        else:
            href = board_url(board, "case_reviews:incident-list")
        lines.append(Waiting(due[key], f"{singular} {when}", f"{plural} {when}", href))
    return lines
