"""Model forms get the shared fields: a model's DateField is the GOV.UK date input and
its integer and decimal fields are number fields, with the model's limits checked (and
named) by the form. Set `formfield_callback = formfield_for` on a form's Meta; use
`Meta.field_classes = {"budget": MoneyField}` for amounts of money."""

from django import forms
from django.core import validators
from django.core.validators import EMPTY_VALUES
from django.db import models
from django.utils.text import capfirst

from .dates import DateField
from .numbers import MoneyField, NumberField, WholeNumberField


def _limits(model_field: models.Field) -> dict:
    limits = {}
    for validator in model_field.validators:
        if isinstance(validator, validators.MinValueValidator):
            limits["min_value"] = validator.limit_value
        elif isinstance(validator, validators.MaxValueValidator):
            limits["max_value"] = validator.limit_value
    positive = models.PositiveIntegerField, models.PositiveSmallIntegerField
    if isinstance(model_field, positive + (models.PositiveBigIntegerField,)):
        limits.setdefault("min_value", 0)
    return limits


def _common(model_field: models.Field, kwargs: dict) -> dict:
    """Label, hint and messages from the model, or from the form's Meta when it sets them."""
    common = {
        "label": kwargs.get("label") or capfirst(model_field.verbose_name),
        "required": not model_field.blank,
        "help_text": kwargs.get("help_text") or model_field.help_text,
    }
    if kwargs.get("error_messages"):
        common["error_messages"] = kwargs["error_messages"]
    return common


def formfield_for(model_field: models.Field, **kwargs):
    form_class = kwargs.get("form_class")
    if model_field.choices or not model_field.editable:
        field = model_field.formfield(**kwargs)
        if field is not None and isinstance(field.widget, forms.RadioSelect):
            # Radios need no "---------" choice, which would be shown (and preselected).
            field.choices = [c for c in field.choices if c[0] not in EMPTY_VALUES]
        return field
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        common = _common(model_field, kwargs)
        if not common["help_text"]:
            del common["help_text"]  # the date input's own example
        return DateField(**common)
    if isinstance(model_field, models.IntegerField) and not isinstance(
        model_field, models.AutoField
    ):
        return WholeNumberField(**_common(model_field, kwargs), **_limits(model_field))
    if isinstance(model_field, models.DecimalField):
        number_class = form_class if form_class in (MoneyField, NumberField) else NumberField
        return number_class(
            **_common(model_field, kwargs),
            **_limits(model_field),
            max_digits=model_field.max_digits,
            decimal_places=model_field.decimal_places,
        )
    return model_field.formfield(**kwargs)
