"""Forms for board records: the shared GOV.UK layout and fields (core/forms), choice
fields limited to the board, and the model's rules (including constraints that involve
the board, such as unique names) checked before anything is saved."""

from django import forms

from core.forms import formfield_for, layout_for

from ..models import Board


class BoardMeta:
    """Inherit a form's Meta from this for the GOV.UK date input and number fields."""

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
