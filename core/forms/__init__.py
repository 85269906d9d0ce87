"""GOV.UK form plumbing shared by every app: the FormHelper (novalidate), the layout,
the number fields and the date input, model-form fields built from them, the plain form
with its choice and text fields, and the form page with `save_form`."""

from .dates import DateField, date_field
from .files import TableFileField
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
from .pages import FORM_PAGE, apply_errors, form_page, save_form
from .pickers import picker
from .plain import GdsForm, ListChoiceField, choice_field, text_field
from .wording import name_every_field

__all__ = [
    "FORM_PAGE",
    "GdsForm",
    "TableFileField",
    "ListChoiceField",
    "apply_errors",
    "choice_field",
    "form_page",
    "save_form",
    "text_field",
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
    "picker",
]
