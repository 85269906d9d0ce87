"""Recommendations and their actions. Every recommendation becomes one or more actions in
the board's action tracker (board.services.actions), with the recommendation as source;
actions may start before the review is finished. Completed actions are signed off by the
SCR sub-group."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from board.models import Action, Agency, User
from board.services.actions import action_add_update, action_create, action_sign_off

from .. import action_sources
from ..models import CaseReview, Recommendation, RecommendationScope


def _next_number(review: CaseReview) -> int:
    CaseReview.objects.select_for_update().filter(pk=review.pk).first()  # one at a time
    highest = review.recommendations.aggregate(n=Max("number"))["n"] or 0
    return highest + 1


def _check_single_agency(recommendation: Recommendation, owner_agency: Agency | None) -> None:
    if recommendation.scope != RecommendationScope.SINGLE_AGENCY or owner_agency is None:
        return
    from board.selectors.actions import actions_for_source

    others = actions_for_source(recommendation).exclude(owner_agency=owner_agency)
    if others.exists():
        raise ValidationError(
            {"owner_agency": "A single-agency recommendation's actions have one owning agency."}
        )


@transaction.atomic
def scr_action_add(
    *,
    recommendation: Recommendation,
    description: str,
    owner_agency: Agency | None,
    due_date: date,
    created_by: User | None,
    status: str = "not_started",
) -> Action:
    if owner_agency is None:
        raise ValidationError({"owner_agency": "Choose the agency that owns this action."})
    _check_single_agency(recommendation, owner_agency)
    return action_create(
        board=recommendation.board,
        description=description,
        owner_agency=owner_agency,
        due_date=due_date,
        source=recommendation,
        source_type=action_sources.SERIOUS_CASE_REVIEW,
        created_by=created_by,
        status=status,
    )


@transaction.atomic
def recommendation_create(
    *,
    review: CaseReview,
    text: str,
    scope: str,
    owner_agency: Agency | None,
    due_date: date,
    created_by: User | None,
    action_description: str = "",
) -> Recommendation:
    """Store the recommendation and open its first action. Without an owner nothing is
    saved: a recommendation nobody owns is never carried out."""
    if review.board_id is None or not review.is_initiated:
        raise ValidationError("Recommendations belong to a review the board has initiated.")
    recommendation = Recommendation(board=review.board, review=review, text=text, scope=scope)
    recommendation.full_clean(exclude=["number"])
    if owner_agency is None:
        raise ValidationError({"owner_agency": "Choose the agency that owns this recommendation."})
    recommendation.number = _next_number(review)
    recommendation.save()
    scr_action_add(
        recommendation=recommendation,
        description=action_description.strip() or text,
        owner_agency=owner_agency,
        due_date=due_date,
        created_by=created_by,
    )
    return recommendation


@transaction.atomic
def scr_action_progress(
    *, action: Action, author: User, status: str, text: str, evidence: str = ""
) -> Action:
    if status == "complete" and not evidence.strip():
        raise ValidationError({"evidence": "Enter the evidence that the action is complete."})
    action_add_update(action=action, author=author, text=text, status=status, evidence=evidence)
    action.refresh_from_db()
    return action


@transaction.atomic
def scr_action_sign_off(*, action: Action, signed_off_by: User) -> Action:
    """The SCR sub-group's sign-off of a completed action (evidence required)."""
    return action_sign_off(action=action, signed_off_by=signed_off_by)
