"""Observed values and comparators. A period is its first day plus the indicator's period
type (a month, a quarter or a financial year), so periods sort as dates."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from board.models import BoardOwnedModel

from .catalogue import Category, Indicator, PeriodType


class Qualifier(models.TextChoices):
    EXACT = "exact", "Exact"
    APPROXIMATELY = "approximately", "Approximately"
    OVER = "over", "Over"
    UNDER = "under", "Under"
    RANGE = "range", "Range"


class Source(models.TextChoices):
    RETURN = "return", "Sub-group return"
    IMPORT = "import", "Import"
    API = "api", "API"
    MANUAL = "manual", "Entered by hand"


class Status(models.TextChoices):
    PROVISIONAL = "provisional", "Provisional"
    FINAL = "final", "Final"


class Observation(BoardOwnedModel):
    """One value for a board, indicator, period and breakdown category (none: the total).
    History is kept by the audit trail; `approved_value` keeps what was approved so a
    later change is visible on the data-quality page."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    period_start = models.DateField()
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, related_name="observations"
    )
    value = models.DecimalField(max_digits=14, decimal_places=4)
    value_high = models.DecimalField(
        max_digits=14, decimal_places=4, null=True, blank=True, help_text="Top of a range."
    )
    qualifier = models.CharField(max_length=15, choices=Qualifier.choices, default=Qualifier.EXACT)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MANUAL)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROVISIONAL)
    approved_value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "indicator", "period_start", "category"],
                name="observation_one_value_per_breakdown",
                condition=Q(category__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["board", "indicator", "period_start"],
                name="observation_one_total_per_period",
                condition=Q(category__isnull=True),
            ),
        ]
        indexes = [models.Index(fields=["board", "period_start"], name="obs_board_period")]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_start:%Y-%m-%d}: {self.value}"

    def clean(self) -> None:
        if self.qualifier == Qualifier.RANGE and (
            self.value_high is None or self.value_high < self.value
        ):
            raise ValidationError({"value_high": "A range needs a top value at least the value."})
        if self.indicator_id and self.indicator.board_id != self.board_id:
            raise ValidationError({"indicator": "Choose an indicator of this board."})

    @property
    def changed_after_approval(self) -> bool:
        return self.approved_value is not None and self.value != self.approved_value


class Comparator(models.TextChoices):
    ENGLAND = "england", "England"
    REGION = "region", "Region"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"


class Missing(models.TextChoices):
    """Why a published figure is not there, as the Department for Education's statistics
    mark it ("c", ":", "z"; "x" in older files). Kept as what it means, never as 0."""

    SUPPRESSED = "suppressed", "Suppressed (a small number)"
    NOT_AVAILABLE = "not_available", "Not available"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class Benchmark(BoardOwnedModel):
    """A comparator's value for an indicator and period: a published national, regional or
    statistical-neighbour figure (typed, since it is not computed from our records), or
    the reason the publisher gives none (`missing`)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="benchmarks")
    comparator = models.CharField(max_length=30, choices=Comparator.choices)
    period_type = models.CharField(max_length=10, choices=PeriodType.choices)
    period_start = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    missing = models.CharField(max_length=15, choices=Missing.choices, blank=True)

    class Meta:
        ordering = ["indicator", "period_start", "comparator"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "indicator", "comparator", "period_type", "period_start"],
                name="benchmark_one_per_period",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False, missing="")
                | Q(value__isnull=True) & ~Q(missing=""),
                name="benchmark_value_or_reason",
            ),
        ]

    def __str__(self) -> str:
        shown = self.get_missing_display() if self.missing else self.value
        return f"{self.get_comparator_display()} {self.period_start}: {shown}"
