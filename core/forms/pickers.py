"""A choice among many records as a searchable picker: the field keeps its select (sent
with the form, and all there is without JavaScript), marked `data-picker` so that
static/js/picker.mjs turns it into GOV.UK's accessible autocomplete, where a person types
part of a case number or an indicator's name."""

from django import forms


def picker(field: forms.ChoiceField) -> forms.ChoiceField:
    field.widget.attrs["data-picker"] = "true"
    return field
