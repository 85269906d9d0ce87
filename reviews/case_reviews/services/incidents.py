"""Writes for serious incidents: the notification, the rapid review (agency summaries, the
meeting, the Panel), the decision and, when the partners decide to hold one, the local
child safeguarding practice review it starts (a CaseReview of type PRACTICE_REVIEW on the
review register, so its reviewers, independence checks, recommendations, publication and
pre-publication notice are the register's). Keyword arguments, full_clean(), one
transaction each: bad input saves nothing, and nobody is told of what was not saved."""

from django.core.exceptions import ValidationError
from django.db import transaction

from board.models import Agency, Board, User

from ..models import (
    AgencySummary,
    CaseReview,
    Decision,
    MilestoneKind,
    RapidReview,
    RapidReviewDecision,
    ReviewType,
    SeriousIncident,
)
from . import incident_notices as notices
from .reviews import case_review_create, case_review_decide, milestone_add

INCIDENT_FIELDS = (
    "reference",
    "category",
    "category_summary",
    "aware_on",
    "notified_on",
    "partners_told_on",
)
RAPID_REVIEW_FIELDS = ("meeting_on", "sent_to_panel_on", "panel_response_on", "panel_response")
DECISION_FIELDS = ("decision", "decided_on", "criteria", "decision_reasons")


def _check_agencies(board: Board, agencies: list[Agency]) -> None:
    if any(agency.board_id != board.pk for agency in agencies):
        raise ValidationError({"agencies_involved": "Choose agencies of this board."})


def _only(fields: dict, allowed: tuple, name: str) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"{name} does not take {sorted(unknown)}")


@transaction.atomic
def serious_incident_create(
    *, board: Board, agencies_involved: list[Agency], created_by: User | None = None, **fields
) -> SeriousIncident:
    """Record the notification (and make its rapid review); the SCR sub-group and the
    board manager are told."""
    _only(fields, INCIDENT_FIELDS, "serious_incident_create")
    incident = SeriousIncident(board=board, **fields)
    incident.full_clean()
    _check_agencies(board, agencies_involved)
    incident.save()
    incident.agencies_involved.set(agencies_involved)
    RapidReview.objects.create(board=board, incident=incident)
    notices.incident_recorded(incident=incident, by=created_by)
    return incident


@transaction.atomic
def serious_incident_update(
    *, incident: SeriousIncident, agencies_involved: list[Agency] | None = None, **fields
) -> SeriousIncident:
    _only(fields, INCIDENT_FIELDS, "serious_incident_update")
    for name, value in fields.items():
        setattr(incident, name, value)
    incident.full_clean()
    if agencies_involved is not None:
        _check_agencies(incident.board, agencies_involved)
    incident.save()
    if agencies_involved is not None:
        incident.agencies_involved.set(agencies_involved)
    return incident


def _rapid_review(incident: SeriousIncident) -> RapidReview:
    return RapidReview.objects.select_for_update().get(incident=incident)


@transaction.atomic
def rapid_review_update(*, incident: SeriousIncident, by: User | None = None, **fields):
    """The meeting, the sending to the Panel and the Panel's response. Sending it starts
    the Panel's clock, and the SCR sub-group is told when the response is due."""
    _only(fields, RAPID_REVIEW_FIELDS, "rapid_review_update")
    rapid = _rapid_review(incident)
    was_sent = rapid.sent_to_panel_on
    for name, value in fields.items():
        setattr(rapid, name, value)
    rapid.full_clean()
    rapid.save()
    if rapid.sent_to_panel_on and not was_sent:
        notices.sent_to_panel(incident=incident, by=by)
    return rapid


@transaction.atomic
def agency_summary_request(
    *,
    incident: SeriousIncident,
    agency: Agency | None,
    requested_on,
    contact_email: str = "",
    by: User | None = None,
) -> AgencySummary:
    if agency is None:
        raise ValidationError({"agency": "Choose the agency asked for a summary."})
    rapid = _rapid_review(incident)
    summary = AgencySummary(
        board=incident.board,
        rapid_review=rapid,
        agency=agency,
        requested_on=requested_on,
        contact_email=contact_email,
    )
    summary.full_clean()
    summary.save()
    notices.summary_requested(summary=summary, by=by)
    return summary


@transaction.atomic
def agency_summary_update(*, summary: AgencySummary, **fields) -> AgencySummary:
    _only(fields, ("requested_on", "received_on", "contact_email"), "agency_summary_update")
    for name, value in fields.items():
        setattr(summary, name, value)
    summary.full_clean()
    summary.save()
    return summary


def _start_practice_review(
    incident: SeriousIncident, rapid: RapidReview, methodology: str, decided_by: str
) -> CaseReview:
    """The practice review on the register, decided on the day of the rapid review's
    decision, its rapid review milestone done (so the register's own rapid review clock
    stops where the incident's did)."""
    if CaseReview.objects.filter(board=incident.board, reference=incident.reference).exists():
        raise ValidationError(
            {"decision": f"The review register already has a review called {incident.reference}."}
        )
    criteria = "; ".join(rapid.criteria_labels())
    review = case_review_create(
        board=incident.board,
        agencies_involved=list(incident.agencies_involved.all()),
        reference=incident.reference,
        review_type=ReviewType.PRACTICE_REVIEW,
        incident_on=incident.aware_on,
        notified_on=incident.notified_on,
        criteria_considered=criteria,
    )
    review = case_review_decide(
        review=review,
        decision=Decision.INITIATE,
        decision_on=rapid.decided_on,
        decision_reasons=rapid.decision_reasons,
        decided_by=decided_by,
        methodology=methodology,
    )
    milestone_add(
        review=review,
        kind=MilestoneKind.RAPID_REVIEW,
        actual_on=max(rapid.decided_on, incident.notified_on),
    )
    return review


@transaction.atomic
def rapid_review_decide(
    *,
    incident: SeriousIncident,
    methodology: str = "",
    decided_by: str = "The safeguarding partners, at the rapid review",
    by: User | None = None,
    **fields,
) -> RapidReview:
    """Record the partners' decision against the criteria. Holding a local review puts
    it on the review register (linked to the incident). A decision, once made, is final
    here: a changed mind is a correction through the register's own pages."""
    _only(fields, DECISION_FIELDS, "rapid_review_decide")
    rapid = _rapid_review(incident)
    if rapid.is_decided:
        raise ValidationError({"decision": "The decision on this rapid review is recorded."})
    if not incident.notified_on:
        raise ValidationError({"decision": "Record the notification to the Panel first."})
    for name, value in fields.items():
        setattr(rapid, name, value)
    errors = {}
    if not rapid.decision:
        errors["decision"] = "Choose the decision of the rapid review."
    elif rapid.decision == RapidReviewDecision.HOLD and not methodology:
        errors["methodology"] = "Choose the methodology of the practice review."
    if rapid.decision and not rapid.criteria and rapid.decision != RapidReviewDecision.NOT_HOLD:
        errors["criteria"] = "Tick the criteria the case meets."
    if errors:
        raise ValidationError(errors)
    rapid.full_clean()
    rapid.save()
    if rapid.decision == RapidReviewDecision.HOLD:
        incident.practice_review = _start_practice_review(incident, rapid, methodology, decided_by)
        incident.full_clean()
        incident.save(update_fields=["practice_review", "updated_at"])
    notices.decided(incident=incident, by=by)
    return rapid
