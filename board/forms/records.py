"""Forms for board records: GOV.UK layout chosen from each field's widget, choice fields
limited to the board, and the model's rules (including constraints that involve the
board, such as unique names) checked before anything is saved."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.db import models

from board.form_helper import FormHelper

from ..files import UploadField
from ..models import Board


def date_field(model_field: models.DateField, **kwargs) -> DateInputField:
    field = DateInputField(
        label=model_field.verbose_name[:1].upper() + model_field.verbose_name[1:],
        required=not model_field.blank,
        help_text=model_field.help_text or "For example, 27 3 2015",
        **kwargs,
    )
    # A half-typed date is an error naming the missing part; a blank optional date is None.
    field.require_all_fields = False
    for part in field.fields:
        part.required = True
    return field


def formfield_for(model_field: models.Field, **kwargs):
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        return date_field(model_field)
    return model_field.formfield(**kwargs)


def layout_for(form: forms.BaseForm, submit: str) -> FormHelper:
    items = []
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(field, DateInputField | UploadField):
            items.append(Field(name))
        elif isinstance(widget, forms.Textarea):
            items.append(Field.textarea(name, rows=4))
        elif isinstance(widget, forms.CheckboxSelectMultiple):
            items.append(Field.checkboxes(name, small=True))
        elif isinstance(widget, forms.RadioSelect):
            items.append(Field.radios(name, small=True))
        elif isinstance(widget, forms.CheckboxInput):
            items.append(Field.checkbox(name, small=True))
        elif isinstance(widget, forms.Select):
            items.append(Field.select(name))
        elif isinstance(widget, forms.NumberInput):
            items.append(Field.text(name, field_width=10))
        else:
            items.append(Field.text(name))
    helper = FormHelper()
    helper.layout = Layout(*items, Submit("submit", submit))
    helper.label_size = Size.SMALL
    helper.legend_size = Size.SMALL
    return helper


class BoardMeta:
    """Inherit a form's Meta from this for GOV.UK date inputs."""

    formfield_callback = staticmethod(formfield_for)


PRESET_BY_VIEW = {"year", "meeting", "priority", "action"}


class BoardModelForm(forms.ModelForm):
    submit_label = "Save"

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.board = board
        self.instance.board = board
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and _has_board(queryset.model):
                field.queryset = queryset.filter(board=board)
        self.adjust_fields()
        self.helper = layout_for(self, self.submit_label)

    def adjust_fields(self) -> None:
        """Change fields after they are limited to the board and before the layout."""

    def _get_validation_exclusions(self):
        # The board is set by the view, not typed: check the rules that involve it too.
        # So are the parents the view sets (year of the page, meeting, priority, action).
        exclusions = super()._get_validation_exclusions()
        return exclusions - {"board", *PRESET_BY_VIEW}


def _has_board(model) -> bool:
    return any(f.name == "board" for f in model._meta.get_fields())


def model_form(model, fields: list[str], *, submit: str = "Save", **attrs) -> type:
    """A BoardModelForm for simple records."""
    meta = type("Meta", (BoardMeta,), {"model": model, "fields": fields, **attrs.pop("meta", {})})
    return type(
        f"{model.__name__}Form", (BoardModelForm,), {"Meta": meta, "submit_label": submit, **attrs}
    )
