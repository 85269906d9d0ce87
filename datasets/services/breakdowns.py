"""Breakdown sets (CategorySet) and their categories, written from the pages. A code is
what import files name (`set:category`), so it is made from the name when left empty and
kept unique; a set or category in use (by an indicator, or by stored figures) is never
deleted, since figures would lose their breakdown."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from ..models import Category, CategorySet, Observation


def code_from(text: str) -> str:
    return slugify(text).replace("-", "_")[:50]


@transaction.atomic
def category_set_save(*, category_set: CategorySet) -> CategorySet:
    category_set.code = category_set.code or code_from(category_set.name)
    others = CategorySet.objects.filter(board=category_set.board).exclude(pk=category_set.pk)
    if others.filter(name__iexact=category_set.name.strip()).exists():
        raise ValidationError({"name": "The board has a breakdown set with this name already."})
    if others.filter(code=category_set.code).exists():
        raise ValidationError({"code": "The board has a breakdown set with this code already."})
    category_set.full_clean()
    category_set.save()
    return category_set


def category_set_in_use(category_set: CategorySet) -> str:
    """Why the set cannot be deleted, or "" when it can."""
    names = list(category_set.indicators.values_list("name", flat=True)[:4])
    if names:
        return (
            f"It is used by {_listed(names)}: take it off {'them' if len(names) > 1 else 'it'} "
            "(Change the indicator, Breakdowns) first."
        )
    if Observation.objects.filter(
        board=category_set.board, category__category_set=category_set
    ).exists():
        return "Figures are recorded against its categories: they would lose their breakdown."
    return ""


@transaction.atomic
def category_set_delete(*, category_set: CategorySet) -> None:
    reason = category_set_in_use(category_set)
    if reason:
        raise ValidationError(f"This breakdown set cannot be deleted. {reason}")
    category_set.categories.all().delete()
    category_set.delete()


@transaction.atomic
def category_save(*, category: Category) -> Category:
    category.code = category.code or code_from(category.label)
    siblings = Category.objects.filter(
        board=category.board, category_set=category.category_set
    ).exclude(pk=category.pk)
    if siblings.filter(label__iexact=category.label.strip()).exists():
        raise ValidationError(
            {"label": "This breakdown set has a category with this name already."}
        )
    if siblings.filter(code=category.code).exists():
        raise ValidationError({"code": "This breakdown set has a category with this code already."})
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def category_delete(*, category: Category) -> None:
    if Observation.objects.filter(board=category.board, category=category).exists():
        raise ValidationError(
            "This category cannot be deleted: figures are recorded against it. Rename it instead."
        )
    category.delete()


def _listed(names: list[str]) -> str:
    more = " and others" if len(names) > 3 else ""
    names = names[:3]
    head = ", ".join(names[:-1])
    return (f"{head} and {names[-1]}" if head else names[0]) + more
