"""Writes to the indicator catalogue."""

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from board.models import Board

from ..models import Category, CategorySet, Indicator

STARTER_FILE = Path(__file__).resolve().parent.parent / "starter_catalogue.json"


@cache
def starter_catalogue() -> dict:
    """The shared starter set, kept as data (see its "about")."""
    return json.loads(STARTER_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def catalogue_install_starter(*, board: Board) -> int:
    """Give the board the shared starter set. Idempotent: what exists is left as the board
    edited it; only what is missing is added. Returns how many indicators were added."""
    sets = {}
    starter = starter_catalogue()
    for code, spec in starter["category_sets"].items():
        category_set, _ = CategorySet.objects.get_or_create(
            board=board, code=code, defaults={"name": spec["name"]}
        )
        sets[code] = category_set
        for order, category in enumerate(spec["categories"]):
            Category.objects.get_or_create(
                board=board,
                category_set=category_set,
                code=category["code"],
                defaults={"label": category["label"], "order": order},
            )
    existing = {i.code: i for i in Indicator.objects.filter(board=board)}
    added = 0
    for order, (code, spec) in enumerate(starter["indicators"].items()):
        if code in existing:
            continue
        target, margin = spec.get("target"), spec.get("amber_margin")
        indicator = Indicator(
            board=board,
            code=code,
            name=spec["name"],
            theme=spec["theme"],
            unit=spec["unit"],
            polarity=spec["polarity"],
            period_type=spec["period_type"],
            rollup=spec["rollup"],
            decimals=spec["decimals"],
            breakdowns_add_up=spec["breakdowns_add_up"],
            definition=spec["definition"],
            order=order,
            numerator=existing.get(spec["numerator"]),
            denominator=existing.get(spec["denominator"]),
            target=Decimal(target) if target else None,
            amber_margin=Decimal(margin) if margin else None,
        )
        indicator.full_clean(exclude=["breakdown_sets"])
        indicator.save()
        indicator.breakdown_sets.set([sets[c] for c in spec["breakdown_sets"]])
        existing[code] = indicator
        added += 1
    return added


def period_type_change_error(indicator: Indicator) -> str:
    """Why the indicator's period type cannot change now ("" if it can). A figure is
    stored by the first day of its period, so a quarterly figure re-read as monthly would
    silently become the figure of the quarter's first month."""
    from ..models import Observation

    count = Observation.objects.filter(board=indicator.board_id, indicator=indicator.pk).count()
    if not count:
        return ""
    stored = Indicator.objects.get(pk=indicator.pk).get_period_type_display().lower()
    return (
        f"The period type cannot change while the indicator has figures: it has {count:,} "
        f"recorded by {stored}, which would move to the wrong periods. To collect it by "
        "another period, add a new indicator with its own code and that period type, and "
        "give this one an end of validity."
    )


def check_period_type(indicator: Indicator) -> None:
    if indicator.pk is None:
        return
    before = Indicator.objects.filter(pk=indicator.pk).values_list("period_type", flat=True)
    if before and before[0] != indicator.period_type:
        message = period_type_change_error(indicator)
        if message:
            raise ValidationError({"period_type": message})


@transaction.atomic
def indicator_save(*, form) -> Indicator:
    """Save a validated IndicatorForm. A changed definition changes the dashboards, so
    every year of the board is marked for refresh."""
    from .snapshots import mark_all_stale

    indicator = form.save(commit=False)
    check_period_type(indicator)
    indicator.full_clean()
    indicator.save()
    form.save_m2m()
    mark_all_stale(indicator.board)
    return indicator
