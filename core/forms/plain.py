"""The plain GOV.UK form every app's forms start from, and the two field factories that
name the field in their messages (choices and text)."""

from django import forms
from django.core.exceptions import ValidationError

from .helper import layout_for
from .pages import apply_errors


def choice_field(label: str, choices, radios: bool = False, required: bool = True):
    widget = forms.RadioSelect if radios else forms.Select
    return forms.ChoiceField(
        label=label,
        choices=choices if radios else [("", "Choose…"), *choices],
        widget=widget,
        required=required,
        error_messages={
            "required": f"Choose the {label.lower()}",
            "invalid_choice": f"Choose the {label.lower()} from the list",
        },
    )


def text_field(label: str, required: bool = True, long: bool = False, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput,
        error_messages={"required": f"Enter the {label.lower()}"},
        **kwargs,
    )


class ListChoiceField(forms.ModelChoiceField):
    """A choice from one of the board's lists: a value that is not on it, whether another
    board's id or no id at all, gets the field's own "choose from the list" message."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            message = self.error_messages["invalid_choice"]
            raise ValidationError(message, code="invalid_choice") from None


class GdsForm(forms.Form):
    """A form laid out with the shared GOV.UK layout (core.forms.layout_for)."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = layout_for(self, self.submit_label)

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's validation errors on the fields they name, or above the form."""
        apply_errors(self, error)
