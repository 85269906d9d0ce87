"""Writes for the review register: settings, the review, its people and milestones. Each
takes keyword arguments, runs full_clean() and a transaction, so bad input saves nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction

from board.models import Agency, Board

from ..models import (
    DEFAULT_THEMES,
    Appointment,
    CaseReview,
    Milestone,
    PanelMember,
    ScrSettings,
    Theme,
)

REVIEW_FIELDS = (
    "reference",
    "review_type",
    "partner_board",
    "incident_on",
    "notified_on",
    "criteria_considered",
    "methodology",
    "cdop_case",
    "executive_summary",
)
DECISION_FIELDS = ("decision", "decision_on", "decision_reasons", "decided_by", "methodology")


@transaction.atomic
def scr_board_set_up(*, board: Board) -> None:
    """A new board's clock settings and starting learning themes (board.setup)."""
    _settings, created = ScrSettings.objects.get_or_create(board=board)
    if created and not Theme.objects.filter(board=board).exists():
        Theme.objects.bulk_create([Theme(board=board, name=name) for name in DEFAULT_THEMES])


def scr_settings(*, board: Board) -> ScrSettings:
    """The board's clock settings, made with the board (scr_board_set_up): a read."""
    return ScrSettings.objects.get(board=board)


@transaction.atomic
def scr_settings_update(*, board: Board, **values: int) -> ScrSettings:
    settings = scr_settings(board=board)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings


def _check_agencies(review: CaseReview, agencies: list[Agency]) -> None:
    if any(agency.board_id != review.board_id for agency in agencies):
        raise ValidationError({"agencies_involved": "Choose agencies of this board."})
    appointed = {a.employing_agency_id: a for a in review.appointments.all() if review.pk}
    for agency in agencies:
        if agency.pk in appointed:
            raise ValidationError(
                {
                    "agencies_involved": f"{appointed[agency.pk].name} works for {agency.name}: "
                    "they could not stay independent if it were involved."
                }
            )


@transaction.atomic
def case_review_create(*, board: Board, agencies_involved: list[Agency], **fields) -> CaseReview:
    unknown = set(fields) - set(REVIEW_FIELDS)
    if unknown:
        raise TypeError(f"case_review_create does not take {sorted(unknown)}")
    review = CaseReview(board=board, **fields)
    review.full_clean()
    _check_agencies(review, agencies_involved)
    review.save()
    review.agencies_involved.set(agencies_involved)
    return review


@transaction.atomic
def case_review_update(
    *, review: CaseReview, agencies_involved: list[Agency] | None = None, **fields
) -> CaseReview:
    unknown = set(fields) - set(REVIEW_FIELDS) - set(DECISION_FIELDS)
    if unknown:
        raise TypeError(f"case_review_update does not take {sorted(unknown)}")
    for name, value in fields.items():
        setattr(review, name, value)
    review.full_clean()
    if agencies_involved is not None:
        _check_agencies(review, agencies_involved)
    review.save()
    if agencies_involved is not None:
        review.agencies_involved.set(agencies_involved)
    return review


@transaction.atomic
def case_review_decide(*, review: CaseReview, **fields) -> CaseReview:
    """Record the decision (initiate or not), its reasons, who decided and the method."""
    unknown = set(fields) - set(DECISION_FIELDS)
    if unknown:
        raise TypeError(f"case_review_decide does not take {sorted(unknown)}")
    for name, value in fields.items():
        setattr(review, name, value)
    errors = {}
    if not review.decision:
        errors["decision"] = "Choose whether to initiate a review."
    elif review.is_initiated and not review.methodology:
        errors["methodology"] = "Choose the methodology of the review."
    if errors:
        raise ValidationError(errors)
    review.full_clean()
    review.save()
    return review


def _clean_and_save(record, fields: dict):
    """One path for adding and correcting a record, so a correction passes every check
    the first entry did (Appointment.clean: independence and the board's agencies)."""
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def appointment_add(*, review: CaseReview, **fields) -> Appointment:
    """Appoint the independent reviewer or panel chair; refused (ValidationError) when they
    work for an agency involved in the case or have not declared their independence."""
    return _clean_and_save(Appointment(board=review.board, review=review), fields)


@transaction.atomic
def appointment_update(*, appointment: Appointment, **fields) -> Appointment:
    """Correct an appointment; refused on the same grounds as a new one."""
    return _clean_and_save(appointment, fields)


@transaction.atomic
def appointment_delete(*, appointment: Appointment) -> None:
    appointment.delete()


@transaction.atomic
def panel_member_add(*, review: CaseReview, **fields) -> PanelMember:
    return _clean_and_save(PanelMember(board=review.board, review=review), fields)


@transaction.atomic
def panel_member_update(*, member: PanelMember, **fields) -> PanelMember:
    return _clean_and_save(member, fields)


@transaction.atomic
def panel_member_delete(*, member: PanelMember) -> None:
    member.delete()


@transaction.atomic
def milestone_add(*, review: CaseReview, **fields) -> Milestone:
    milestone = Milestone(board=review.board, review=review, **fields)
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_update(*, milestone: Milestone, **fields) -> Milestone:
    for name, value in fields.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save()
    return milestone
