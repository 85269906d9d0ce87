from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.core.exceptions import ValidationError

from board.form_helper import FormHelper
from board.form_pages import apply_errors


def layout_for(form: forms.BaseForm, submit: str) -> FormHelper:
    """GOV.UK components chosen from each field's widget, then one submit button."""
    items = []
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            items.append(Field(name))
        elif isinstance(widget, forms.CheckboxSelectMultiple):
            items.append(Field.checkboxes(name, small=True))
        elif isinstance(widget, forms.RadioSelect):
            items.append(Field.radios(name))
        elif isinstance(widget, forms.Select):
            items.append(Field.select(name))
        elif isinstance(widget, forms.Textarea):
            items.append(Field.textarea(name))
        elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
            items.append(Field(name))
        else:
            items.append(Field.text(name))
    helper = FormHelper()
    helper.layout = Layout(*items, Submit("submit", submit))
    helper.label_size = Size.SMALL
    helper.legend_size = Size.SMALL
    return helper


class GdsMixin:
    submit_label = "Save"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = layout_for(self, self.submit_label)

    def add_service_errors(self, error: ValidationError) -> None:
        apply_errors(self, error)
