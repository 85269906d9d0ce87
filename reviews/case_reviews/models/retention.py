"""How long one board keeps its child death (CDOP) and case review records."""

from django.core.exceptions import ValidationError
from django.db import models

from board.models import BoardOwnedModel

MIN_YEARS = 1
MAX_YEARS = 100
DEFAULT_CDOP_YEARS = 10
DEFAULT_CASE_REVIEW_YEARS = 15
CONFIRM = (
    "The default is a starting point: the board must confirm the period with its "
    "information governance officer."
)


class RetentionSettings(BoardOwnedModel):
    """The retention periods. When a record passes retention is computed from these and
    the record's dates (reviews.retention), never stored; nothing is deleted automatically."""

    cdop_years = models.PositiveSmallIntegerField(
        "keep child death (CDOP) records for (years after the case is closed)",
        default=DEFAULT_CDOP_YEARS,
        help_text=f"Counted from the date the case was closed. {CONFIRM}",
    )
    case_review_years = models.PositiveSmallIntegerField(
        "keep case review records for (years after publication or closure)",
        default=DEFAULT_CASE_REVIEW_YEARS,
        help_text="Counted from the publication of the review; for a review not published, "
        "from the board's sign-off; for a decision not to initiate a review, from the "
        f"decision. {CONFIRM}",
    )

    class Meta:
        verbose_name = "retention settings"
        verbose_name_plural = "retention settings"
        constraints = [
            models.UniqueConstraint(fields=["board"], name="retention_settings_per_board")
        ]

    def __str__(self) -> str:
        return f"Retention settings for {self.board}"

    def clean(self) -> None:
        errors = {}
        for name in ("cdop_years", "case_review_years"):
            value = getattr(self, name)
            if value is None or not MIN_YEARS <= value <= MAX_YEARS:
                errors[name] = f"Enter a whole number of years from {MIN_YEARS} to {MAX_YEARS}."
        if errors:
            raise ValidationError(errors)
