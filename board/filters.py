"""The action tracker's filters (django-filter, laid out by core.filters): owner, agency,
source, status and when it is due. The home page's links (?overdue=1, ?due_soon=1,
?mine=1) are filters of this form too, so they can be combined with the others."""

from datetime import timedelta

import django_filters
from django.db.models import Q

from core.filters import CheckboxFilter, DateFilter, GdsFilterSet, ListChoiceFilter

from . import action_sources
from .models import Action, ActionStatus
from .selectors import membership
from .selectors.actions import DUE_SOON_DAYS


class ActionFilter(GdsFilterSet):
    owner = ListChoiceFilter(
        label="Owner", field_name="owner_person", queryset=None, empty_label="Anyone"
    )
    agency = ListChoiceFilter(
        label="Agency", field_name="owner_agency", queryset=None, empty_label="Any agency"
    )
    source = django_filters.ChoiceFilter(
        label="Source",
        field_name="source_type",
        choices=action_sources.choices,
        empty_label="Any source",
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=ActionStatus.choices, empty_label="Any status"
    )
    due_by = DateFilter(label="Due on or before", field_name="due_date", lookup_expr="lte")
    overdue = CheckboxFilter(label="Overdue only", method="filter_overdue")
    due_soon = CheckboxFilter(
        label=f"Due in the next {DUE_SOON_DAYS} days", method="filter_due_soon"
    )
    mine = CheckboxFilter(label="Only actions I own", method="filter_mine")

    class Meta:
        model = Action
        fields: list[str] = []

    def __init__(self, data, *, board, user, today, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.user, self.today = user, today
        self.filters["owner"].queryset = membership.people(board).order_by("full_name")
        self.filters["agency"].queryset = membership.agencies(board).order_by("name")

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(self.today) if value else queryset

    def filter_due_soon(self, queryset, name, value):
        if not value:
            return queryset
        soon = Q(due_date__gte=self.today, due_date__lte=self.today + timedelta(DUE_SOON_DAYS))
        return queryset.open().filter(soon)

    def filter_mine(self, queryset, name, value):
        return queryset.filter(owner_person__user=self.user) if value else queryset
