"""The glossary's forms: one term, and the spreadsheet of terms to import."""

from board.forms.records import BoardMeta, BoardModelForm
from core.forms import GdsForm, TableFileField

from .models import Acronym


class AcronymForm(BoardModelForm):
    submit_label = "Save term"

    class Meta(BoardMeta):
        model = Acronym
        fields = ["term", "meaning"]
        labels = {"term": "Term", "meaning": "What it means"}
        help_texts = {"term": "An acronym or a word the report uses, such as LSCB."}
        error_messages = {
            "term": {"required": "Enter the term"},
            "meaning": {"required": "Enter what the term means"},
        }

    def _get_validation_exclusions(self):
        # The service checks the term against the board's, in any case, with its message.
        return super()._get_validation_exclusions() | {"term"}


class GlossaryFileForm(GdsForm):
    submit_label = "Check the file"
    file = TableFileField(
        label="Upload a glossary file",
        help_text="A CSV (.csv) or Excel (.xlsx) file with the columns term and meaning, "
        "one term a row.",
        error_messages={
            "required": "Choose a CSV or Excel file of terms",
            "empty": "The selected glossary file is empty.",
        },
        noun="glossary file",
        wrong_type="The file must be a CSV (.csv) or Excel (.xlsx) file",
    )
