from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.periods import FinancialYear


class FinancialYearField(models.PositiveSmallIntegerField):
    """A financial year, stored as the calendar year in which it starts (2014 = 2014/15)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", "financial year")
        kwargs.setdefault("validators", [MinValueValidator(1990), MaxValueValidator(2100)])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        if kwargs.get("verbose_name") == "financial year":
            kwargs.pop("verbose_name")
        return name, path, args, kwargs


class InFinancialYear(models.Model):
    year = FinancialYearField()

    class Meta:
        abstract = True

    @property
    def financial_year(self) -> FinancialYear:
        return FinancialYear(self.year)
