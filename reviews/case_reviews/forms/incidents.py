"""Forms for serious incidents, their rapid reviews and national reviews. They check the
shape of the input; the services check the record as a whole (dates in order, the
board's agencies, a decision's criteria)."""

from django import forms

from board.models import Agency, Board
from core.forms import choice_field, date_field, text_field

from ..models import Criterion, IncidentCategory, Methodology, RapidReviewDecision
from .reviews import ScrForm


def _agencies(board: Board):
    return Agency.objects.filter(board=board)


class IncidentForm(ScrForm):
    submit_label = "Save the incident"
    reference = text_field(
        "Case reference",
        max_length=40,
        help_text='For example "Child M". Never enter the child\'s name.',
    )
    category = choice_field("Category of incident", IncidentCategory.choices, radios=True)
    category_summary = text_field(
        "Summary of the incident category",
        required=False,
        max_length=300,
        help_text="For example “non-accidental injury to an infant”. No names, places, dates "
        "of birth or anything that identifies the child.",
    )
    aware_on = date_field("Date the local authority became aware")
    notified_on = date_field("Date notified to the Panel", required=False)
    partners_told_on = date_field("Date the partners were told", required=False)
    agencies_involved = forms.ModelMultipleChoiceField(
        label="Agencies involved",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies_involved"].queryset = _agencies(board)


class SummaryRequestForm(ScrForm):
    submit_label = "Record the request"
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=None,
        empty_label="Choose…",
        error_messages={"required": "Choose the agency asked for a summary"},
    )
    requested_on = date_field("Date requested")
    contact_email = forms.EmailField(
        label="Agency contact's e-mail address (optional)",
        required=False,
        help_text="They are e-mailed a link to sign in, never the case's details.",
        error_messages={"invalid": "Enter the contact's e-mail address, like name@example.org"},
    )

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(board)


class SummaryForm(ScrForm):
    submit_label = "Save the summary's dates"
    requested_on = date_field("Date requested")
    received_on = date_field("Date received", required=False)


class RapidReviewForm(ScrForm):
    submit_label = "Save the rapid review"
    meeting_on = date_field("Date of the rapid review meeting", required=False)
    sent_to_panel_on = date_field("Date sent to the Panel", required=False)
    panel_response_on = date_field("Date of the Panel's response", required=False)
    panel_response = text_field("The Panel's response", required=False, long=True)


class DecisionForm(ScrForm):
    submit_label = "Continue"
    decision = choice_field("Decision", RapidReviewDecision.choices, radios=True)
    decided_on = date_field("Date of the decision")
    criteria = forms.MultipleChoiceField(
        label="Criteria of the 2018 regulations the case meets",
        choices=Criterion.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose the criteria from the list"},
    )
    decision_reasons = text_field("Reasons for the decision", long=True)
    methodology = choice_field(
        "Methodology of the practice review (if one is held)",
        Methodology.choices,
        required=False,
    )


class NationalReviewForm(ScrForm):
    submit_label = "Save the national review"
    title = text_field("Title", max_length=200)
    published_on = date_field("Date published")
    web_address = forms.URLField(
        label="Web address (optional)",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the web address, like https://www.gov.uk/..."},
    )


class NationalRecommendationForm(ScrForm):
    submit_label = "Add the recommendation"
    text = text_field("Recommendation", long=True)
    owner_agency = forms.ModelChoiceField(
        label="Agency that owns the first action",
        queryset=None,
        required=False,
        empty_label="Choose…",
    )
    action_description = text_field(
        "First action", required=False, long=True, help_text="Leave empty to use the text above"
    )
    due_date = date_field("Action due by")

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = _agencies(board)
