"""Writes for inspections: the inspection, its judgement per area (saved all together or
not at all), and recommendations that become actions in the board's action tracker."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from board.models import Agency, Board, User
from board.services.actions import action_create

from .. import action_sources
from ..models import Inspection, InspectionJudgement, InspectionRecommendation
from ..selectors.inspections import recommendation_action_count

INSPECTION_FIELDS = {
    "inspectorate",
    "title",
    "inspected_agency",
    "start_date",
    "end_date",
    "published_on",
    "scope",
    "overall_judgement",
    "report_url",
}


@dataclass(frozen=True)
class JudgementInput:
    area: str
    grade: str
    qualifier: str = ""


def _check_fields(fields: dict, service: str) -> None:
    unknown = set(fields) - INSPECTION_FIELDS
    if unknown:
        raise TypeError(f"{service} does not take {sorted(unknown)}")


@transaction.atomic
def inspection_create(*, board: Board, **fields) -> Inspection:
    _check_fields(fields, "inspection_create")
    inspection = Inspection(board=board, **fields)
    inspection.full_clean()
    inspection.save()
    return inspection


@transaction.atomic
def inspection_update(*, inspection: Inspection, **fields) -> Inspection:
    _check_fields(fields, "inspection_update")
    for name, value in fields.items():
        setattr(inspection, name, value)
    inspection.full_clean()
    inspection.save()
    return inspection


def _row_error(row: int, message: str) -> ValidationError:
    """An error naming its row (`params["row"]`, counted from 1), so that a page can point
    to it. The message goes in as a parameter: text typed by a person is never a format."""
    return ValidationError("Row %(row)s%(message)s", params={"row": row, "message": message})


@transaction.atomic
def inspection_judgements_set(
    *, inspection: Inspection, judgements: list[JudgementInput]
) -> list[InspectionJudgement]:
    """Replace the inspection's judgements with `judgements`, in the order given. Every
    row is checked first: one duplicate area or invalid grade and nothing is saved."""
    rows, errors, seen = [], [], set()
    for position, given in enumerate(judgements, start=1):
        area = " ".join(given.area.split())
        judgement = InspectionJudgement(
            board=inspection.board,
            inspection=inspection,
            area=area,
            grade=given.grade,
            qualifier=given.qualifier.strip(),
            position=position,
        )
        try:
            # The areas are checked against each other below, not against the rows replaced.
            judgement.full_clean(
                exclude=["inspection"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.extend(_row_error(position, f", {name}: {text}") for text in messages)
        if area.casefold() in seen:
            errors.append(_row_error(position, f": “{area}” is judged twice; give each once."))
        seen.add(area.casefold())
        rows.append(judgement)
    if errors:
        raise ValidationError(errors)
    Inspection.objects.select_for_update().filter(pk=inspection.pk).first()
    inspection.judgements.all().delete()
    for judgement in rows:
        judgement.save()  # one by one (not bulk_create), so that the audit trail sees each
    return rows


@transaction.atomic
def inspection_recommendation_create(
    *,
    inspection: Inspection,
    text: str,
    owner_agency: Agency | None,
    due_date: date | None,
    created_by: User | None,
    action_description: str = "",
) -> InspectionRecommendation:
    """Store the recommendation and open its action in the board's tracker. Without an
    owning agency of this board and a due date nothing is saved."""
    errors = {}
    if owner_agency is None:
        errors["owner_agency"] = "Choose the agency that owns this recommendation."
    elif owner_agency.board_id != inspection.board_id:
        errors["owner_agency"] = "Choose an agency of this board."
    if due_date is None:
        errors["due_date"] = "Enter the date the action is due by."
    if errors:
        raise ValidationError(errors)
    recommendation = InspectionRecommendation(
        board=inspection.board, inspection=inspection, text=text
    )
    recommendation.full_clean(exclude=["number"])
    Inspection.objects.select_for_update().filter(pk=inspection.pk).first()  # one at a time
    highest = inspection.recommendations.aggregate(n=Max("number"))["n"] or 0
    recommendation.number = highest + 1
    recommendation.save()
    action_create(
        board=inspection.board,
        description=action_description.strip() or text,
        owner_agency=owner_agency,
        due_date=due_date,
        source=recommendation,
        source_type=action_sources.INSPECTION,
        created_by=created_by,
    )
    return recommendation


@transaction.atomic
def inspection_delete(*, inspection: Inspection) -> None:
    """Delete the inspection with its judgements and recommendations, unless the tracker
    holds actions from its recommendations: those would be left pointing at nothing."""
    actions = recommendation_action_count(inspection)
    if actions:
        raise ValidationError(
            f"This inspection cannot be deleted: its recommendations have {actions} "
            f"action{'s' if actions != 1 else ''} in the board's action tracker. "
            "Actions are the board's record of what it agreed to do."
        )
    inspection.delete()
