"""Forms for Section 11 self-assessments. They check the shape of the input; the services
check the return as a whole (agency in the cycle, every rating valid, all standards rated
before submission)."""

from django import forms

from board.models import Agency, Board
from core.forms import GdsForm, choice_field, date_field, integer_field, text_field

from ..models import RAG, CycleKind, ModerationOutcome, Section11Cycle, Section11Standard


def board_agencies(board: Board):
    return Agency.objects.filter(board=board).order_by("name")


class CycleForm(GdsForm):
    submit_label = "Save the cycle"
    title = text_field("Title", max_length=200, help_text="For example, Section 11 audit 2014-16")
    kind = choice_field("Frequency", CycleKind.choices, radios=True)
    opens_on = date_field("Opens on")
    due_on = date_field("Returns due by")
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies in the cycle",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose the agencies in the cycle",
            "invalid_choice": "Choose agencies of this board",
            "invalid_pk_value": "Choose agencies of this board",
        },
    )

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = board_agencies(board)


def rag_field(standard: Section11Standard) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=str(standard),
        choices=RAG.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={
            "invalid_choice": f"Rate standard {standard.number} red, amber or green",
        },
    )


class ReturnForm(GdsForm):
    """A RAG rating (`rag_<standard id>`) and its evidence (`evidence_<standard id>`) for
    each active standard, then the submission date. Built by `return_form`."""

    submit_label = "Save the return"

    def __init__(self, *args, standards: list[Section11Standard], **kwargs) -> None:
        self.standards = standards
        super().__init__(*args, **kwargs)

    def service_data(self) -> dict:
        """The cleaned data as the services take it: {standard: (rag, evidence)}."""
        data = self.cleaned_data
        ratings = {
            standard: (data.get(f"rag_{standard.pk}") or "", data.get(f"evidence_{standard.pk}"))
            for standard in self.standards
        }
        result = {"ratings": ratings, "submitted_on": data.get("submitted_on")}
        if "agency" in self.fields:
            result["agency"] = data["agency"]
        return result


def return_form(
    data=None, *, board: Board, cycle: Section11Cycle, standards, choose_agency: bool, initial=None
) -> ReturnForm:
    """A ReturnForm class with fields for these standards, so the GOV.UK layout has them.
    The agency list is the board's (another board's agency is not a choice); the service
    refuses one that is not in the cycle, with a message that says so."""
    attrs = {}
    if choose_agency:
        attrs["agency"] = forms.ModelChoiceField(
            label="Agency",
            queryset=board_agencies(board),
            empty_label="Choose…",
            error_messages={
                "required": "Choose the agency",
                "invalid_choice": "Choose an agency of this board",
            },
        )
    for standard in standards:
        attrs[f"rag_{standard.pk}"] = rag_field(standard)
        attrs[f"evidence_{standard.pk}"] = text_field(
            f"Evidence for standard {standard.number}", required=False, long=True
        )
    attrs["submitted_on"] = date_field("Date submitted", required=False)
    attrs["submitted_on"].help_text = (
        "Leave empty to save the return without submitting it. A return is submitted once "
        "every standard is rated. For example, 27 3 2015"
    )
    form_class = type("Section11ReturnForm", (ReturnForm,), attrs)
    return form_class(data, standards=standards, initial=initial)


class ModerationForm(GdsForm):
    submit_label = "Record the moderation"
    outcome = choice_field("Outcome", ModerationOutcome.choices, radios=True)
    notes = text_field("Moderation notes", long=True)
    moderated_on = date_field("Date of the moderation")


class ActionForm(GdsForm):
    submit_label = "Add the action"
    description = text_field("Action", long=True)
    owner_agency = forms.ModelChoiceField(
        label="Agency that owns the action",
        queryset=None,
        required=False,
        empty_label="Choose…",
        error_messages={"invalid_choice": "Choose an agency of this board"},
    )
    due_date = date_field("Due by")

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = board_agencies(board)


class StandardForm(GdsForm):
    submit_label = "Save the standard"
    number = integer_field(
        "Number",
        min_value=1,
        max_value=99,
        error_messages={
            "required": "Enter the standard's number",
            "invalid": "Enter the standard's number as a whole number",
            "min_value": "The number must be 1 or more",
            "max_value": "The number must be 99 or less",
        },
    )
    text = text_field("Standard", max_length=300)
