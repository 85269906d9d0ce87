"""The partnership demo board's serious incidents (illustrative), dated from the day of
loading: one in rapid review within its clock (agency summaries asked, one back), and one
whose rapid review decided on a local child safeguarding practice review, now running.
Only when the board "croydon-partnership" exists (board's demo makes it); otherwise
nothing. Safe to run again: an incident whose dates have moved since the last load is
recorded again (with its practice review), as the decision cannot be moved once made."""

from datetime import date, timedelta

from django_scopes import scope

from board.models import Agency, Board
from board.working_days import add_working_days, working_days_before

from .models import CaseReview, SeriousIncident
from .services.incidents import (
    agency_summary_request,
    agency_summary_update,
    rapid_review_decide,
    rapid_review_update,
    serious_incident_create,
)

PARTNERSHIP_SLUG = "croydon-partnership"
IN_RAPID_REVIEW = "Child T (demo)"
PRACTICE_REVIEW = "Child U (demo)"


def load(today: date) -> None:
    board = Board.objects.filter(slug=PARTNERSHIP_SLUG).first()
    if board is None:
        return
    with scope(board=board):
        agencies = list(Agency.objects.filter(board=board).order_by("name")[:2])
        _in_rapid_review(board, agencies, today)
        _practice_review(board, agencies, today)


def _fresh(board: Board, reference: str, aware: date) -> SeriousIncident | None:
    """The incident as last loaded, or None (and gone) when its dates have moved."""
    incident = SeriousIncident.objects.filter(board=board, reference=reference).first()
    if incident is not None and incident.aware_on == aware:
        return incident
    if incident is not None:
        if incident.practice_review_id:
            CaseReview.objects.filter(pk=incident.practice_review_id).delete()
        incident.delete()
    CaseReview.objects.filter(board=board, reference=reference).delete()
    return None


def _record(board, agencies, reference: str, aware: date, notified: date) -> SeriousIncident:
    return serious_incident_create(
        board=board,
        agencies_involved=agencies,
        reference=reference,
        category="serious_harm",
        category_summary="Non-accidental injury to an infant (illustrative)",
        aware_on=aware,
        notified_on=notified,
        partners_told_on=notified,
    )


def _in_rapid_review(board: Board, agencies: list[Agency], today: date) -> None:
    aware = working_days_before(today, 4)
    if _fresh(board, IN_RAPID_REVIEW, aware):
        return
    notified = add_working_days(aware, 1)
    incident = _record(board, agencies, IN_RAPID_REVIEW, aware, notified)
    for number, agency in enumerate(agencies):
        summary = agency_summary_request(incident=incident, agency=agency, requested_on=notified)
        if number == 0:  # the first is back; the other is still outstanding
            agency_summary_update(summary=summary, received_on=add_working_days(notified, 2))


def _practice_review(board: Board, agencies: list[Agency], today: date) -> None:
    aware = today - timedelta(days=70)
    if _fresh(board, PRACTICE_REVIEW, aware):
        return
    notified = add_working_days(aware, 3)
    incident = _record(board, agencies, PRACTICE_REVIEW, aware, notified)
    for agency in agencies:
        summary = agency_summary_request(incident=incident, agency=agency, requested_on=notified)
        agency_summary_update(summary=summary, received_on=add_working_days(notified, 5))
    meeting = add_working_days(notified, 12)
    rapid_review_update(
        incident=incident,
        meeting_on=meeting,
        sent_to_panel_on=meeting,
        panel_response_on=meeting + timedelta(days=8),
        panel_response="The Panel agrees that a local review is appropriate.",
    )
    rapid_review_decide(
        incident=incident,
        decision="hold",
        decided_on=meeting,
        criteria=["serious_harm", "working_together"],
        decision_reasons="Concerns about how agencies shared what they knew.",
        methodology="silp",
    )
