"""The indicator catalogue: what a board measures, how, and how it rolls up over a year."""

from django.core.exceptions import ValidationError
from django.db import models

from board.models import BoardOwnedModel


class CategorySet(BoardOwnedModel):
    """A breakdown dimension such as category of abuse or age band. Per board, so a board
    can correct a vocabulary without a release."""

    code = models.SlugField(max_length=50)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["board", "code"], name="categoryset_code_per_board")
        ]

    def __str__(self) -> str:
        return self.name


class Category(BoardOwnedModel):
    category_set = models.ForeignKey(
        CategorySet, on_delete=models.CASCADE, related_name="categories"
    )
    code = models.SlugField(max_length=50)
    label = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["category_set", "order", "label"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["category_set", "code"], name="category_code_per_set")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        """As written in the import format's breakdown column: set:category."""
        return f"{self.category_set.code}:{self.code}"


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE = "rate", "Rate per 10,000 children"
    DAYS = "days", "Days"
    POUNDS = "pounds", "Pounds"


class Polarity(models.TextChoices):
    HIGHER_BETTER = "higher_better", "Higher is better"
    LOWER_BETTER = "lower_better", "Lower is better"
    NEUTRAL = "neutral", "Neither (context only)"


class PeriodType(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Financial year"


class RollUp(models.TextChoices):
    SUM = "sum", "Sum of periods (a flow, such as referrals)"
    LATEST = "latest", "Latest value (a stock, such as children on a plan)"
    AVERAGE = "average", "Average of periods"
    RATIO = "ratio", "Ratio recomputed from numerator and denominator"


class Indicator(BoardOwnedModel):
    code = models.SlugField(max_length=50, help_text="Used in imports, e.g. cp_plans.")
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    theme = models.CharField(max_length=100, help_text="Groups indicators on the dashboard.")
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    polarity = models.CharField(max_length=20, choices=Polarity.choices, default=Polarity.NEUTRAL)
    period_type = models.CharField(
        max_length=10, choices=PeriodType.choices, default=PeriodType.QUARTER
    )
    rollup = models.CharField(
        "roll-up over a year", max_length=10, choices=RollUp.choices, default=RollUp.SUM
    )
    numerator = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decimals = models.PositiveSmallIntegerField(default=0)
    breakdown_sets = models.ManyToManyField(CategorySet, blank=True, related_name="indicators")
    breakdowns_add_up = models.BooleanField("breakdowns must add up to the total", default=False)
    target = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    amber_margin = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="How far short of the target is still amber (same unit as the value).",
    )
    source_agency = models.ForeignKey(
        "board.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    notes = models.TextField(blank=True)
    # Where the Department for Education's published statistics hold this indicator, so
    # their national, regional and neighbour figures import as its benchmarks.
    dfe_measure = models.CharField(
        "column in the DfE statistics",
        max_length=100,
        blank=True,
        help_text="The column of the Department for Education's children in need file "
        "that holds this measure, e.g. cpp_rate. Leave empty if none.",
    )

    class Meta:
        ordering = ["theme", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["board", "code"], name="indicator_code_per_board")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        """A ratio is worked out from its numerator and denominator; never typed."""
        return self.rollup == RollUp.RATIO

    def clean(self) -> None:
        errors = {}
        if self.rollup == RollUp.RATIO:
            if not (self.numerator_id and self.denominator_id):
                errors["rollup"] = "A ratio needs a numerator and a denominator indicator."
            if self.unit not in (Unit.PERCENTAGE, Unit.RATE):
                errors["unit"] = "A ratio is a percentage or a rate."
        if self.id and self.id in (self.numerator_id, self.denominator_id):
            errors["numerator"] = "A ratio cannot be made of itself."
        for name in ("numerator", "denominator"):
            other = getattr(self, name) if getattr(self, f"{name}_id") else None
            if other is not None and other.board_id != self.board_id:
                errors[name] = "Choose an indicator of this board."
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = "The end of validity must be after its start."
        if errors:
            raise ValidationError(errors)

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to
        )
