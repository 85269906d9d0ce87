"""National Panel reviews the board acts on, and their recommendations: each
recommendation opens an action in the board's action tracker (source NATIONAL_REVIEW),
owned by an agency, as a local review's recommendation does (services/actions.py)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from board.models import Agency, Board, User
from board.services.actions import action_create

from .. import action_sources
from ..models import NationalRecommendation, NationalReview


@transaction.atomic
def national_review_create(*, board: Board, title: str, published_on: date, web_address: str = ""):
    review = NationalReview(
        board=board, title=title, published_on=published_on, web_address=web_address
    )
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def national_recommendation_create(
    *,
    review: NationalReview,
    text: str,
    owner_agency: Agency | None,
    due_date: date,
    created_by: User | None,
    action_description: str = "",
) -> NationalRecommendation:
    """Store the recommendation and open its first action; without an owner nothing is
    saved (a recommendation nobody owns is never carried out)."""
    recommendation = NationalRecommendation(board=review.board, review=review, text=text)
    recommendation.full_clean(exclude=["number"])
    if owner_agency is None:
        raise ValidationError({"owner_agency": "Choose the agency that owns this recommendation."})
    NationalReview.objects.select_for_update().filter(pk=review.pk).first()  # one at a time
    highest = review.recommendations.aggregate(n=Max("number"))["n"] or 0
    recommendation.number = highest + 1
    recommendation.save()
    action_create(
        board=review.board,
        description=action_description.strip() or text,
        owner_agency=owner_agency,
        due_date=due_date,
        source=recommendation,
        source_type=action_sources.NATIONAL_REVIEW,
        created_by=created_by,
        status="not_started",
    )
    return recommendation
