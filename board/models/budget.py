"""The board's budget for a financial year. Only the lines are stored: variances,
subtotals, totals and the surplus or deficit are computed (board/finance.py)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from .agencies import Agency
from .base import BoardOwnedModel
from .years import InFinancialYear

NOT_NEGATIVE = [MinValueValidator(0, "Enter an amount of £0 or more.")]


def money(verbose_name: str, validators=NOT_NEGATIVE, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=validators,
        **kwargs,
    )


class ExpenditureLine(BoardOwnedModel, InFinancialYear):
    heading = models.CharField(max_length=120, help_text="For example: Employee costs")
    item = models.CharField(max_length=200, blank=True, help_text="For example: Board chair")
    budget = money("budget (£)")
    outturn = money("outturn (£)")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["year", "position", "created_at"]

    def __str__(self) -> str:
        return f"{self.heading}: {self.item}" if self.item else self.heading


class IncomeKind(models.TextChoices):
    CONTRIBUTION = "contribution", "Partner agency contribution"
    OTHER = "other", "Other source"
    RESERVES = "reserves", "Transfer from (or to) reserves"


class IncomeLine(BoardOwnedModel, InFinancialYear):
    kind = models.CharField(max_length=20, choices=IncomeKind.choices)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="income_lines"
    )
    source_name = models.CharField(
        "source", max_length=200, blank=True, help_text="For a source that is not an agency."
    )
    budget = money("budget (£)", validators=[])
    actual = money("actual (£)", validators=[])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["year", "position", "created_at"]

    def __str__(self) -> str:
        return self.source

    @property
    def source(self) -> str:
        return str(self.agency) if self.agency_id else self.source_name

    def clean(self) -> None:
        errors = {}
        if self.kind == IncomeKind.CONTRIBUTION and not self.agency_id:
            errors["agency"] = "Choose the contributing agency."
        if self.kind != IncomeKind.CONTRIBUTION and not self.source_name.strip():
            errors["source_name"] = "Enter the source of the income."
        if self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose an agency of this board."
        if self.kind != IncomeKind.RESERVES:  # a transfer to reserves is negative income
            for name in ("budget", "actual"):
                value = getattr(self, name)
                if value is not None and value < 0:
                    errors[name] = "Enter an amount of £0 or more."
        if errors:
            raise ValidationError(errors)
