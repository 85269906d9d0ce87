"""GOV.UK form plumbing shared by every app: the FormHelper (novalidate), the layout,
the number fields and the date input, and model-form fields built from them."""

from .dates import DateField, date_field
from .helper import FormHelper, gds_helper, layout_for, layout_item
from .model_fields import formfield_for
from .numbers import (
    MoneyField,
    NumberField,
    WholeNumberField,
    decimal_field,
    integer_field,
    money_field,
)
from .wording import name_every_field

__all__ = [
    "DateField",
    "FormHelper",
    "MoneyField",
    "NumberField",
    "WholeNumberField",
    "date_field",
    "decimal_field",
    "formfield_for",
    "gds_helper",
    "integer_field",
    "layout_for",
    "layout_item",
    "money_field",
    "name_every_field",
]
