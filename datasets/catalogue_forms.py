"""Forms of the breakdown sets and the indicator catalogue import."""

from board.forms.records import BoardMeta, BoardModelForm
from core.forms import GdsForm, TableFileField

from .models import Category, CategorySet

CODE_HELP = "Used in import files. Leave empty to make one from the name."


class CategorySetForm(BoardModelForm):
    submit_label = "Save breakdown set"

    class Meta(BoardMeta):
        model = CategorySet
        fields = ["name", "code"]
        labels = {"name": "Name of the breakdown set", "code": "Code"}
        help_texts = {"name": "For example, Assessment timeliness", "code": CODE_HELP}

    def adjust_fields(self) -> None:
        self.fields["code"].required = False
        self.fields["code"].error_messages["invalid"] = (
            "The code must use only letters, numbers, underscores and hyphens"
        )

    def _get_validation_exclusions(self):
        # The code may be left empty: the service makes it and checks it is unique.
        return super()._get_validation_exclusions() | {"code"}


class CategoryForm(BoardModelForm):
    submit_label = "Save category"

    class Meta(BoardMeta):
        model = Category
        fields = ["label", "code", "order"]
        labels = {"label": "Name of the category", "code": "Code", "order": "Position"}
        help_texts = {
            "label": "For example, Within 45 working days",
            "code": CODE_HELP,
            "order": "Categories are listed by position, lowest first.",
        }

    def adjust_fields(self) -> None:
        self.fields["code"].required = False
        self.fields["code"].error_messages["invalid"] = (
            "The code must use only letters, numbers, underscores and hyphens"
        )

    def _get_validation_exclusions(self):
        # The set is given by the page; the code may be left empty (the service makes it
        # and checks it is unique, with its own message).
        return (super()._get_validation_exclusions() - {"category_set"}) | {"code"}


class CatalogueFileForm(GdsForm):
    submit_label = "Check the file"
    file = TableFileField(
        label="Upload a catalogue file",
        help_text="A CSV (.csv) or Excel (.xlsx) file with one indicator a row, in the "
        "format below.",
        error_messages={"required": "Choose a CSV or Excel file of indicators"},
        noun="catalogue file",
        wrong_type="The file must be a CSV (.csv) or Excel (.xlsx) file",
    )
