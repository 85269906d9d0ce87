"""Writes to the indicator catalogue."""

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

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


@transaction.atomic
def indicator_save(*, form) -> Indicator:
    """Save a validated IndicatorForm. A changed definition changes the dashboards, so
    every year of the board is marked for refresh."""
    from .snapshots import mark_all_stale

    indicator = form.save(commit=False)
    indicator.full_clean()
    indicator.save()
    form.save_m2m()
    mark_all_stale(indicator.board)
    return indicator
