"""What the case review register adds to the board's search (board/search.py): reviews by
reference and type, for the roles that may open a review's record (the SCR sub-group, the
manager and the independent chair); other roles see the register's summary, not search
results that lead to pages they cannot open. Serious incidents likewise; national reviews
(published by the Panel) for every role."""

from board import search
from core.links import board_url

from .models import CaseReview, NationalReview, SeriousIncident
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
    # Serious incidents are restricted records (record_visibility): their results are
    # logged as reads, as a review's page is.
    search.register(
        "serious_incidents",
        "Serious incident",
        queryset=lambda board: SeriousIncident.objects.all(),
        fields=["reference", "category_summary"],
        link=lambda board, incident: board_url(
            board, "case_reviews:incident-detail", incident_id=incident.pk
        ),
        describe=lambda incident: (
            f"{incident.get_category_display()}, aware {incident.aware_on:%-d %B %Y}"
        ),
        roles=SCR_READERS,
        restricted=True,
        order=81,
    )
    search.register(
        "national_reviews",
        "National review",
        queryset=lambda board: NationalReview.objects.all(),
        fields=["title"],
        link=lambda board, review: board_url(
            board, "case_reviews:national-review-detail", review_id=review.pk
        ),
        describe=lambda review: f"National review, published {review.published_on:%-d %B %Y}",
        order=82,
    )
