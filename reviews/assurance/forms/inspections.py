"""Forms for inspections. They check the shape of the input; the services check the
record as a whole (dates in order, areas judged once, owners of this board)."""

from django import forms

from board.models import Agency, Board
from core.forms import GdsForm, choice_field, date_field, text_field

from ..models import InspectionGrade, Inspectorate
from ..services.inspections import JudgementInput

LONG_TEXT = 5000  # a scope or recommendation longer than this is a paste gone wrong
MAX_JUDGEMENTS = 30


def agency_field(label: str, help_text: str = "", required_message: str = ""):
    """Limited to the board's agencies by the form (another board's agency is then a
    validation error); none until it is."""
    return forms.ModelChoiceField(
        label=label,
        queryset=Agency.objects.none(),
        required=bool(required_message),
        empty_label="Choose…",
        help_text=help_text,
        error_messages={
            "invalid_choice": "Choose an agency of this board from the list",
            "required": required_message,
        },
    )


class InspectionForm(GdsForm):
    submit_label = "Save the inspection"
    inspectorate = choice_field("Inspectorate", Inspectorate.choices)
    title = text_field(
        "Title",
        max_length=200,
        help_text="E.g. Inspection of services for children in need of help and protection, "
        "children looked after and care leavers, and review of the LSCB",
    )
    inspected_agency = agency_field(
        "Service or agency inspected",
        help_text="Leave empty for an inspection of the whole area or several agencies",
    )
    start_date = date_field("First day of the inspection")
    end_date = date_field("Last day of the inspection", required=False)
    published_on = date_field("Report published", required=False)
    scope = text_field("Scope", required=False, long=True, max_length=LONG_TEXT)
    overall_judgement = choice_field("Overall judgement", InspectionGrade.choices, required=False)
    report_url = forms.URLField(
        label="Web address of the report",
        required=False,
        max_length=500,
        assume_scheme="https",
        # A text input, so that the GOV.UK layout styles it; the field still checks it.
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
        error_messages={"invalid": "Enter the web address of the report, starting https://"},
    )

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inspected_agency"].queryset = Agency.objects.filter(board=board)


class JudgementForm(forms.Form):
    area = forms.CharField(
        label="Area",
        max_length=200,
        required=True,
        error_messages={
            "required": "Enter the area judged",
            "max_length": "Keep the area to 200 characters or fewer",
        },
    )
    grade = forms.ChoiceField(
        label="Grade",
        choices=[("", "Choose…"), *InspectionGrade.choices],
        error_messages={
            "required": "Choose the grade",
            "invalid_choice": "Choose the grade from the list",
        },
    )
    qualifier = forms.CharField(
        label="Qualifier",
        max_length=200,
        required=False,
        error_messages={"max_length": "Keep the qualifier to 200 characters or fewer"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].widget.attrs["class"] = "govuk-input"
        self.fields["grade"].widget.attrs["class"] = "govuk-select"
        self.fields["qualifier"].widget.attrs["class"] = "govuk-input govuk-input--width-10"

    def mark_errors(self) -> None:
        """GOV.UK error styling on the inputs that have errors."""
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                kind = "select" if isinstance(widget, forms.Select) else "input"
                widget.attrs["class"] += f" govuk-{kind}--error"


class BaseJudgementFormSet(forms.BaseFormSet):
    """Every row may be left empty: an empty row is no judgement (how one is removed)."""

    def _construct_form(self, i, **kwargs):
        kwargs["empty_permitted"] = True
        kwargs["use_required_attribute"] = False
        return super()._construct_form(i, **kwargs)

    def judgements(self) -> list[JudgementInput]:
        return [
            JudgementInput(
                form.cleaned_data["area"],
                form.cleaned_data["grade"],
                form.cleaned_data.get("qualifier", ""),
            )  # fmt: skip
            for form in self.forms
            if form.cleaned_data
        ]


JudgementFormSet = forms.formset_factory(
    JudgementForm,
    formset=BaseJudgementFormSet,
    extra=3,
    max_num=MAX_JUDGEMENTS,
    absolute_max=MAX_JUDGEMENTS,
    validate_max=True,
)


def judgement_formset(data=None, *, existing: list) -> BaseJudgementFormSet:
    """Rows for the existing judgements and three empty ones. A bound formset is not
    given the existing rows as its initial data, so that an emptied row counts as empty."""
    initial = [{"area": j.area, "grade": j.grade, "qualifier": j.qualifier} for j in existing]
    if data is not None:
        return JudgementFormSet(data)
    return JudgementFormSet(initial=initial)


class InspectionRecommendationForm(GdsForm):
    submit_label = "Add the recommendation"
    text = text_field("Recommendation", long=True, max_length=LONG_TEXT)
    owner_agency = agency_field(
        "Agency that owns the action",
        required_message="Choose the agency that owns this recommendation",
    )
    action_description = text_field(
        "Action",
        required=False,
        long=True,
        max_length=LONG_TEXT,
        help_text="Leave empty to use the recommendation's text",
    )
    due_date = date_field("Action due by")

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = Agency.objects.filter(board=board)
