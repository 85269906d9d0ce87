"""Writes to the indicator catalogue."""

from decimal import Decimal

from django.db import transaction

from board.models import Board

from .. import catalogue
from ..models import Category, CategorySet, Indicator


@transaction.atomic
def catalogue_install_starter(*, board: Board) -> int:
    """Give the board the shared starter set. Idempotent: what exists is left as the board
    edited it; only what is missing is added. Returns how many indicators were added."""
    sets = {}
    for code, (name, categories) in catalogue.CATEGORY_SETS.items():
        category_set, _ = CategorySet.objects.get_or_create(
            board=board, code=code, defaults={"name": name}
        )
        sets[code] = category_set
        for order, (category_code, label) in enumerate(categories):
            Category.objects.get_or_create(
                board=board,
                category_set=category_set,
                code=category_code,
                defaults={"label": label, "order": order},
            )
    existing = {i.code: i for i in Indicator.objects.filter(board=board)}
    added = 0
    for order, (code, spec) in enumerate(catalogue.INDICATORS.items()):
        if code in existing:
            continue
        theme, name, unit, polarity, period_type, rollup, decimals, set_codes, adds_up = spec[:9]
        numerator, denominator, definition = spec[9:]
        target, margin = catalogue.TARGETS.get(code, (None, None))
        indicator = Indicator(
            board=board,
            code=code,
            name=name,
            theme=theme,
            unit=unit,
            polarity=polarity,
            period_type=period_type,
            rollup=rollup,
            decimals=decimals,
            breakdowns_add_up=adds_up,
            definition=definition,
            order=order,
            numerator=existing.get(numerator),
            denominator=existing.get(denominator),
            target=Decimal(target) if target else None,
            amber_margin=Decimal(margin) if margin else None,
        )
        indicator.full_clean(exclude=["breakdown_sets"])
        indicator.save()
        indicator.breakdown_sets.set([sets[c] for c in set_codes])
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
