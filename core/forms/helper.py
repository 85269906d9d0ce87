"""The one FormHelper and the one GOV.UK layout of the service's forms.

Forms are checked on the server, which shows the GOV.UK error summary and keeps what was
typed. The browser's own checks (from `min`, `max` and `maxlength` attributes) would stop
the form first, with a pop-up that the error summary, and many screen readers, miss: so
every form says `novalidate`."""

from crispy_forms_gds.helper import FormHelper as GdsFormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from .dates import DateField
from .numbers import NumberField
from .wording import name_every_field

SHORT_CHOICE = 12  # radios with up to three choices this short sit side by side


class FormHelper(GdsFormHelper):
    def __init__(self, form=None) -> None:
        super().__init__(form)
        self.attrs = {"novalidate": "novalidate"}


def gds_helper(*fields: str, submit: str, email_fields: tuple[str, ...] = ()) -> FormHelper:
    """A GOV.UK form helper: one text input per field, then a single submit button."""
    helper = FormHelper()
    layout = []
    for name in fields:
        extra = {"autocomplete": "email", "spellcheck": "false"} if name in email_fields else {}
        layout.append(Field.text(name, **extra))
    helper.layout = Layout(*layout, Submit("submit", submit))
    helper.label_size = Size.SMALL
    return helper


def layout_item(name: str, field: forms.Field):
    """The GOV.UK component for a field, chosen from the field and its widget."""
    widget = field.widget
    if isinstance(field, DateField) or isinstance(widget, forms.HiddenInput | forms.FileInput):
        return Field(name)
    if isinstance(field, NumberField):
        return Field.text(name, field_width=10)
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return Field.checkboxes(name, small=True)
    if isinstance(widget, forms.RadioSelect):
        choices = [label for value, label in field.choices if value != ""]
        inline = len(choices) <= 3 and all(len(str(label)) <= SHORT_CHOICE for label in choices)
        return Field.radios(name, small=True, inline=inline)
    if isinstance(widget, forms.CheckboxInput):
        return Field.checkbox(name, small=True)
    if isinstance(widget, forms.Select):
        return Field.select(name)
    if isinstance(widget, forms.Textarea):
        rows = widget.attrs.get("rows")  # a form's own choice is an int; Django's "10" is not
        return Field.textarea(name, rows=rows if isinstance(rows, int) else 5)
    return Field.text(name)


def layout_for(form: forms.BaseForm, submit: str) -> FormHelper:
    """The GOV.UK layout of a form: one component per field, then one submit button.
    Also gives every field error messages that name it."""
    name_every_field(form)
    helper = FormHelper()
    helper.layout = Layout(
        *(layout_item(name, field) for name, field in form.fields.items()), Submit("submit", submit)
    )
    helper.label_size = Size.SMALL
    helper.legend_size = Size.SMALL
    return helper
