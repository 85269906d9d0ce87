"""The case review's kinds of action, registered with the board's action tracker in
CaseReviewsConfig.ready: a recommendation's actions link back to its review (a local
review, or a national review of the Child Safeguarding Practice Review Panel)."""

from board import action_sources
from core.links import board_url

SERIOUS_CASE_REVIEW = "serious_case_review"
NATIONAL_REVIEW = "national_review"


def register(app_label: str) -> None:
    action_sources.register(
        SERIOUS_CASE_REVIEW,
        "Serious case review recommendation",
        app_label=app_label,
        link=lambda r: board_url(r.board, "case_reviews:scr-review-detail", review_id=r.review_id),
    )
    action_sources.register(
        NATIONAL_REVIEW,
        "National Panel review recommendation",
        app_label=app_label,
        link=lambda r: board_url(
            r.board, "case_reviews:national-review-detail", review_id=r.review_id
        ),
    )
