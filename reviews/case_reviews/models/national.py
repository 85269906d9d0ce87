"""National reviews by the Child Safeguarding Practice Review Panel and their
recommendations: a board records those it acts on, and each recommendation's actions go
in the board's action tracker (source type NATIONAL_REVIEW, see action_sources)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from board.models import BoardOwnedModel

from .. import action_sources


class NationalReview(BoardOwnedModel):
    title = models.CharField(max_length=200, help_text="As the Panel published it.")
    published_on = models.DateField("date published")
    web_address = models.URLField("web address", blank=True)

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "title"],
                name="national_review_title_unique_per_board",
                violation_error_message="The board already has a national review with this title.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.published_on and self.published_on > timezone.localdate():
            raise ValidationError({"published_on": "The date published must be today or earlier."})


class NationalRecommendation(BoardOwnedModel):
    action_source_type = action_sources.NATIONAL_REVIEW

    review = models.ForeignKey(
        NationalReview, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(editable=False)
    text = models.TextField("recommendation")

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="national_recommendation_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.review} recommendation {self.number}"
