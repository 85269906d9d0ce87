"""Writes for the Child Death Overview Panel. Each takes keyword arguments, validates the
whole record with full_clean() and runs in a transaction, so bad input saves nothing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Agency, Board, User
from board.services.actions import action_create
from core.periods import FinancialYear

from .. import action_sources
from ..identity import nhs_number_hash
from ..models import AgencyForm, CdopCase, CdopRecommendation, CdopSettings, RiskFactor
from .notices import agency_form_notify

DEFAULT_RISK_FACTORS = [
    "Smoking",
    "Co-sleeping",
    "Domestic violence",
    "Emotional or behavioural difficulties",
    "Parental substance misuse",
    "Parental mental health",
    "Overcrowding or poor housing",
    "Unsafe sleeping arrangements",
]

NOTIFICATION_FIELDS = (
    "external_reference",
    "date_of_birth",
    "date_of_death",
    "sex",
    "ethnicity",
    "place_of_death",
    "locality",
    "notified_by",
    "notified_on",
    "expectation",
)
WORKFLOW_FIELDS = (
    "rapid_response_on",
    "review_meeting_on",
    "scr_referred_on",
    "scr_referral_reason",
)
ANALYSIS_FIELDS = (
    "panel_review_on",
    "expectation",
    "category",
    "modifiable",
    "factors_child",
    "factors_family",
    "factors_physical",
    "factors_service",
    "learning_points",
)


@transaction.atomic
def cdop_board_set_up(*, board: Board) -> None:
    """A new board's panel settings and starting risk factor list (board.setup)."""
    _settings, created = CdopSettings.objects.get_or_create(board=board)
    if created and not RiskFactor.objects.filter(board=board).exists():
        RiskFactor.objects.bulk_create(
            [RiskFactor(board=board, name=name) for name in DEFAULT_RISK_FACTORS]
        )


def cdop_settings(*, board: Board) -> CdopSettings:
    """The board's panel settings, made with the board (cdop_board_set_up): a read."""
    return CdopSettings.objects.get(board=board)


@transaction.atomic
def cdop_settings_update(
    *, board: Board, risk_factor_names: list[str], **values: int
) -> CdopSettings:
    settings = cdop_settings(board=board)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    wanted = {name.strip(): None for name in risk_factor_names if name.strip()}
    existing = {factor.name: factor for factor in RiskFactor.objects.filter(board=board)}
    for name in wanted:
        if name in existing:
            if not existing[name].is_active:
                existing[name].is_active = True
                existing[name].save(update_fields=["is_active", "updated_at"])
        else:
            factor = RiskFactor(board=board, name=name)
            factor.full_clean()
            factor.save()
    for name, factor in existing.items():
        if name not in wanted and factor.is_active:
            factor.is_active = False  # retired: kept on the cases that have it
            factor.save(update_fields=["is_active", "updated_at"])
    return settings


def _next_case_number(board: Board, notified_on: date) -> str:
    Board.objects.select_for_update().filter(pk=board.pk).first()  # one number at a time
    prefix = f"CDOP-{FinancialYear.containing(notified_on).slug}-"
    numbers = CdopCase.objects.filter(board=board, number__startswith=prefix).values_list(
        "number", flat=True
    )
    highest = max((int(number.removeprefix(prefix)) for number in numbers), default=0)
    return f"{prefix}{highest + 1:03d}"


@transaction.atomic
def cdop_case_notify(*, board: Board, nhs_number: str = "", **fields) -> CdopCase:
    """Record the notification of a child's death. The case number is generated."""
    unknown = set(fields) - set(NOTIFICATION_FIELDS)
    if unknown:
        raise TypeError(f"cdop_case_notify does not take {sorted(unknown)}")
    try:
        hashed = nhs_number_hash(nhs_number)
    except ValidationError as error:
        raise ValidationError({"nhs_number": error.messages}) from None
    case = CdopCase(board=board, nhs_number_hash=hashed, **fields)
    case.full_clean(exclude=["number"])
    case.number = _next_case_number(board, case.notified_on)
    case.save()
    return case


@transaction.atomic
def cdop_case_update(*, case: CdopCase, **fields) -> CdopCase:
    """Correct the notification details or record the workflow dates and an SCR referral."""
    unknown = set(fields) - set(NOTIFICATION_FIELDS) - set(WORKFLOW_FIELDS)
    if unknown:
        raise TypeError(f"cdop_case_update does not take {sorted(unknown)}")
    for name, value in fields.items():
        setattr(case, name, value)
    if case.locality_id:
        case.locality_as_typed = ""  # the list entry replaces what was typed before the list
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def cdop_case_record_analysis(
    *, case: CdopCase, risk_factors: list[RiskFactor], **fields
) -> CdopCase:
    """The panel's review: expected or not, category, modifiable factors, learning."""
    unknown = set(fields) - set(ANALYSIS_FIELDS)
    if unknown:
        raise TypeError(f"cdop_case_record_analysis does not take {sorted(unknown)}")
    for name, value in fields.items():
        setattr(case, name, value)
    errors = {}
    for name in ("panel_review_on", "category", "modifiable"):
        if not getattr(case, name):
            errors[name] = f"Enter the {case._meta.get_field(name).verbose_name}."
    if any(factor.board_id != case.board_id for factor in risk_factors):
        errors["risk_factors"] = "Choose risk factors from this board's list."
    if errors:
        raise ValidationError(errors)
    case.full_clean()
    case.save()
    case.risk_factors.set(risk_factors)
    return case


@transaction.atomic
def cdop_case_close(*, case: CdopCase, closed_on: date) -> CdopCase:
    case.closed_on = closed_on
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def agency_form_request(
    *, case: CdopCase, agency: Agency, contact_email: str, requested_on: date
) -> AgencyForm:
    form = AgencyForm(
        board=case.board,
        case=case,
        agency=agency,
        contact_email=contact_email,
        requested_on=requested_on,
    )
    form.full_clean()
    form.save()
    agency_form_notify(agency_form=form, kind="cdop_form_requested")
    return form


@transaction.atomic
def agency_form_update(
    *,
    agency_form: AgencyForm,
    contact_email: str,
    requested_on: date,
    received_on: date | None,
) -> AgencyForm:
    agency_form.contact_email = contact_email
    agency_form.requested_on = requested_on
    agency_form.received_on = received_on
    agency_form.full_clean()
    agency_form.save()
    return agency_form


@transaction.atomic
def cdop_recommendation_create(
    *,
    case: CdopCase,
    text: str,
    owner_agency: Agency,
    due_date: date,
    created_by: User | None,
) -> CdopRecommendation:
    """Store the panel's recommendation and open an action for it in the board's
    action tracker, with the recommendation as the action's source."""
    recommendation = CdopRecommendation(board=case.board, case=case, text=text)
    recommendation.full_clean()
    recommendation.save()
    action_create(
        board=case.board,
        description=text,
        owner_agency=owner_agency,
        due_date=due_date,
        source=recommendation,
        source_type=action_sources.CDOP,
        created_by=created_by,
    )
    return recommendation


@transaction.atomic
def cdop_case_remove(*, case: CdopCase, reason: str, user: User) -> CdopCase:
    """Take a wrong case (a duplicate, a death that is not the panel's) out of every list
    and statistic. It is kept, with who removed it and why, for the audit trail; its NHS
    fingerprint and register reference are freed for the right case."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the case is being removed."})
    if case.removed_on:
        raise ValidationError("This case has already been removed.")
    case.removed_on = timezone.now()
    case.removed_reason = reason.strip()
    case.removed_by = user
    case.nhs_number_hash = ""
    case.save()
    return case
