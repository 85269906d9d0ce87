"""Error messages that name the field they are about, built from its label.

GOV.UK error messages say what went wrong and how to fix it in words that name the
question ("Enter the budget as a number, like 12,000"), never Django's generic "This
field is required." or Python's exception text."""

import re

from django import forms
from django.forms.utils import pretty_name

_TRAILING_NOTE = re.compile(r"\s*\([^)]*\)\s*$")  # "Budget (£)", "Name (optional)"
_ARTICLES = ("the ", "a ", "an ", "your ", "their ")


def label_of(name: str, field: forms.Field) -> str:
    return str(field.label) if field.label else pretty_name(name)


def subject(label: str) -> str:
    """The label as the subject of a sentence: "Budget (£)" -> "Budget"."""
    text = _TRAILING_NOTE.sub("", str(label)).strip().rstrip("?:")
    return text or str(label)


def object_phrase(label: str) -> str:
    """The label as the object of "Enter ...": "Budget (£)" -> "the budget"; acronyms
    ("CDOP review date") keep their capitals."""
    text = subject(label)
    if len(text) > 1 and not text[:2].isupper():
        text = text[0].lower() + text[1:]
    return text if text.lower().startswith(_ARTICLES) else f"the {text}"


def _django_default(key: str, *classes) -> set[str]:
    return {str(cls.default_error_messages[key]) for cls in classes}


def name_every_field(form: forms.BaseForm) -> None:
    """Replace Django's generic messages with ones that name the field: "Enter the title",
    "Choose the agency", "Choose the agency from the list"."""
    generic_required = _django_default("required", forms.Field)
    generic_choice = _django_default(
        "invalid_choice", forms.ChoiceField, forms.ModelChoiceField, forms.ModelMultipleChoiceField
    ) | _django_default("invalid_pk_value", forms.ModelMultipleChoiceField)
    for name, field in form.fields.items():
        label = label_of(name, field)
        choosing = isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.FileField)
        messages = field.error_messages
        if str(messages.get("required", "")) in generic_required:
            messages["required"] = f"{'Choose' if choosing else 'Enter'} {object_phrase(label)}"
        for key in ("invalid_choice", "invalid_pk_value"):
            if str(messages.get(key, "")) in generic_choice:
                messages[key] = f"Choose {object_phrase(label)} from the list"
