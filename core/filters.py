"""The GOV.UK filter form of a long list: a django-filter FilterSet whose form is laid out
by core.forms (one component per field, messages that name the field) and sent by GET, so
a filtered list can be bookmarked, paged (includes/pagination.html keeps the query) and
exported (the export link carries the same query).

A value that cannot be read (an unknown status, another board's agency, "13/13/2015") is
an error on the form, shown in the GOV.UK error summary; the list is filtered by the
values that could be read, never answered with a 500."""

import django_filters
from django import forms

from .forms import layout_for
from .forms.dates import DateField
from .forms.plain import ListChoiceField


class TickedCheckbox(forms.CheckboxInput):
    """A checkbox that sends `on` when ticked and counts as ticked only for that value."""

    def __init__(self, on: str) -> None:
        super().__init__(attrs={"value": on})
        self.on = on

    def value_from_datadict(self, data, files, name) -> bool:
        return data.get(name) == self.on


class CheckboxFilter(django_filters.Filter):
    """A checkbox (give it a `method=`) that narrows the list when ticked. It sends `on`
    ("1", or a link's word such as ?forms=outstanding); any other value is no tick, so an
    old or mistyped link shows the whole list rather than an error."""

    field_class = forms.BooleanField

    def __init__(self, *args, on: str = "1", **kwargs) -> None:
        kwargs.setdefault("widget", TickedCheckbox(on))
        super().__init__(*args, **kwargs)


class ListChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice from one of the board's lists (give it the board's queryset): another
    board's id, or no id at all, is "Choose the ... from the list"."""

    field_class = ListChoiceField


class DateFilter(django_filters.Filter):
    """A date typed in the GOV.UK day, month and year boxes (core.forms.dates)."""

    field_class = DateField


class GdsFilterSet(django_filters.FilterSet):
    submit_label = "Filter"

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            form.helper = layout_for(form, self.submit_label)
            form.helper.form_method = "get"
            form.helper.form_tag = True
        return self._form

    @property
    def active(self) -> bool:
        """Does the query ask for any filter (the page then says so and offers "Clear")?"""
        return any(value for key, value in self.data.items() if key not in ("page", "format"))
