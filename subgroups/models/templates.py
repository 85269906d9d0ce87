"""Each sub-group's return template: its narrative questions and the dataset indicators it
reports. (The business plan actions it reports on are `SubGroup.actions`.) The board
manager edits these; a change applies to every return not yet submitted, because a return
keeps a copy of its template only from the moment it is submitted."""

from django.core.exceptions import ValidationError
from django.db import models

from board.models import BoardOwnedModel

from .groups import SubGroup

DEFAULT_QUESTIONS = [
    ("Achievements and key issues", "What the sub-group achieved this quarter."),
    ("Impact on children", "What difference the work made to children and young people."),
    ("Impact on practice", "What changed in how practitioners and agencies work."),
    ("Risks and challenges", "What could stop the sub-group delivering its plan."),
    (
        "Emerging themes and recommendations",
        "What the board should know about, and what the sub-group recommends.",
    ),
]


class TemplateQuestion(BoardOwnedModel):
    subgroup = models.ForeignKey(SubGroup, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField("question", max_length=300)
    hint = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["order", "created_at"]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        if self.subgroup_id and self.subgroup.board_id != self.board_id:
            raise ValidationError({"subgroup": "Choose a sub-group of this board."})


class TemplateIndicator(BoardOwnedModel):
    """An indicator the sub-group reports each quarter (its total and its breakdowns).
    `min_value`/`max_value` bound what is plausible: a value outside them needs a comment."""

    subgroup = models.ForeignKey(SubGroup, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey(
        "datasets.Indicator", on_delete=models.CASCADE, related_name="subgroup_templates"
    )
    order = models.PositiveSmallIntegerField(default=0)
    min_value = models.DecimalField(
        "lowest plausible value", max_digits=14, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        "highest plausible value", max_digits=14, decimal_places=4, null=True, blank=True
    )

    class Meta:
        ordering = ["order", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subgroup", "indicator"],
                name="template_indicator_once_per_subgroup",
                violation_error_message="The template already has this indicator.",
            )
        ]

    def __str__(self) -> str:
        return str(self.indicator)

    def clean(self) -> None:
        errors = {}
        if self.subgroup_id and self.subgroup.board_id != self.board_id:
            errors["subgroup"] = "Choose a sub-group of this board."
        if self.indicator_id:
            if self.indicator.board_id != self.board_id:
                errors["indicator"] = "Choose an indicator of this board."
            elif self.indicator.is_computed:
                errors["indicator"] = (
                    "This indicator is worked out from its numerator and denominator: "
                    "add those instead."
                )
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.max_value < self.min_value
        ):
            errors["max_value"] = "The highest value must be at least the lowest."
        if errors:
            raise ValidationError(errors)
