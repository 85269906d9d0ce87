"""What the case review register adds to the board's search (board/search.py): reviews by
reference and type, for the roles that may open a review's record (the SCR sub-group, the
manager and the independent chair); other roles see the register's summary, not search
results that lead to pages they cannot open."""

from board import search
from core.links import board_url

from .models import CaseReview
from .selectors.reviews import SCR_READERS


def register() -> None:
    search.register(
        "case_reviews",
        "Case review",
        queryset=lambda board: CaseReview.objects.all(),
        fields=["reference", "partner_board", "executive_summary"],
        link=lambda board, review: board_url(
            board, "case_reviews:scr-review-detail", review_id=review.pk
        ),
        describe=lambda review: (
            f"{review.get_review_type_display()}, notified {review.notified_on:%-d %B %Y}"
        ),
        roles=SCR_READERS,
        order=80,
    )
