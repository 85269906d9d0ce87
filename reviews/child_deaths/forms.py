"""Forms for the Child Death Overview Panel. They collect and check the shape of the input;
the services check the record as a whole (dates in order, age under 18, duplicates)."""

from django import forms

from board.models import Board
from core.forms import (
    GdsForm,
    ListChoiceField,
    TableFileField,
    choice_field,
    date_field,
    integer_field,
    text_field,
)

from .models import CdopCase, DeathCategory, Ethnicity, Expectation, Modifiable, PlaceOfDeath, Sex
from .selectors import agencies_for_forms, locality_choices, risk_factor_choices


class NotificationFields(GdsForm):
    date_of_birth = date_field("Date of birth")
    date_of_death = date_field("Date of death")
    sex = choice_field("Sex", Sex.choices, radios=True)
    ethnicity = choice_field("Ethnicity", Ethnicity.choices)
    place_of_death = choice_field("Place of death", PlaceOfDeath.choices)
    locality = ListChoiceField(
        label="Area of residence",
        queryset=None,
        required=False,
        empty_label="Not recorded",
        help_text="From the board's list of areas. Never type an address: choose "
        "'Not recorded' if the area is not on the list",
        error_messages={"invalid_choice": "Choose the area of residence from the board's list"},
    )
    expectation = choice_field("Expected or unexpected death", Expectation.choices, radios=True)
    notified_by = text_field(
        "Notified by",
        required=False,
        max_length=200,
        help_text="The organisation or role, never a name. Leave empty if not known",
    )
    external_reference = text_field(
        "Register reference (optional)",
        required=False,
        max_length=50,
        help_text="The case's reference in the panel's own register, if it has one",
    )
    notified_on = date_field("Date notified")

    def __init__(self, *args, board: Board, chosen_locality=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["locality"].queryset = locality_choices(board=board, chosen=chosen_locality)


class NotificationForm(NotificationFields):
    submit_label = "Record the notification"
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        required=False,
        max_length=20,
        help_text="Used only to detect a second notification of the same death: it is not "
        "stored, only a keyed fingerprint of it. Do not enter the child's name anywhere.",
    )
    field_order = ["nhs_number"]


class CaseEditForm(NotificationFields):
    submit_label = "Save the case"
    rapid_response_on = date_field("Rapid response / joint agency response meeting", required=False)
    review_meeting_on = date_field("Child death review meeting", required=False)
    scr_referred_on = date_field("Referred to the SCR sub-group", required=False)
    scr_referral_reason = text_field("Reason for the referral", required=False, long=True)


class AnalysisForm(GdsForm):
    submit_label = "Save the panel's analysis"
    panel_review_on = date_field("Date of the panel review")
    expectation = choice_field("Expected or unexpected death", Expectation.choices, radios=True)
    category = choice_field("Category of death", DeathCategory.choices)
    modifiable = choice_field("Modifiable factors", Modifiable.choices, radios=True)
    factors_child = text_field("Factors in the child", required=False, long=True)
    factors_family = text_field("Factors in the family and environment", required=False, long=True)
    factors_physical = text_field("Factors in the physical environment", required=False, long=True)
    factors_service = text_field("Factors in service provision", required=False, long=True)
    risk_factors = forms.ModelMultipleChoiceField(
        label="Risk factors", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    learning_points = text_field("Learning points", required=False, long=True)

    def __init__(self, *args, case: CdopCase, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        chosen = list(case.risk_factors.values_list("pk", flat=True)) if case.pk else []
        self.fields["risk_factors"].queryset = risk_factor_choices(board=case.board, chosen=chosen)


class AgencyFormRequestForm(GdsForm):
    submit_label = "Record the request"
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=None,
        error_messages={"required": "Choose the agency", "invalid_choice": "Choose the agency"},
    )
    contact_email = forms.EmailField(
        label="Agency contact's e-mail address",
        help_text="Reminders go here, with a link to this service and no details of the case",
        error_messages={"required": "Enter the agency contact's e-mail address"},
    )
    requested_on = date_field("Date requested")

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_for_forms(board=board)


class AgencyFormUpdateForm(GdsForm):
    submit_label = "Save the form's dates"
    contact_email = forms.EmailField(label="Agency contact's e-mail address")
    requested_on = date_field("Date requested")
    received_on = date_field("Date received", required=False)


class RecommendationForm(GdsForm):
    submit_label = "Add the recommendation"
    text = text_field("Recommendation", long=True)
    owner_agency = forms.ModelChoiceField(
        label="Agency to act on it",
        queryset=None,
        error_messages={"required": "Choose the agency", "invalid_choice": "Choose the agency"},
    )
    due_date = date_field("Due date")

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = agencies_for_forms(board=board)


class CloseForm(GdsForm):
    submit_label = "Close the case"
    closed_on = date_field("Date closed")


class SettingsForm(GdsForm):
    submit_label = "Save the settings"
    review_target_months = integer_field(
        "Review target (months after the death)", min_value=1, max_value=24
    )
    suppress_below = integer_field(
        "In published figures, hide counts below",
        min_value=1,
        max_value=20,
        help_text="Counts from 1 up to one less than this are shown as 'fewer than' it. "
        "6, the default, hides counts of 1 to 5: check it against the board's disclosure policy",
    )
    form_due_days = integer_field(
        "Agency forms are due this many days after the request", min_value=1
    )
    chase_every_days = integer_field(
        "Remind agencies every this many days while a form is overdue", min_value=1
    )
    risk_factors = forms.CharField(
        label="Risk factors",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One a line. A factor taken off the list stays on the cases that have it",
    )

    def risk_factor_names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["risk_factors"].splitlines()]


class LocalityListForm(GdsForm):
    submit_label = "Save the list"
    names = forms.CharField(
        label="Areas of residence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="One a line, in the order the statistics list them: the board's wards or "
        "localities, never a street or an address. An area taken off the list stays on the "
        "cases that have it",
    )

    def names_list(self) -> list[str]:
        return self.cleaned_data["names"].splitlines()


class RegisterUploadForm(GdsForm):
    submit_label = "Check the register"
    file = TableFileField(
        label="Upload the register",
        help_text="A CSV (.csv) or Excel (.xlsx) file, one row a case, in the format below.",
        error_messages={"required": "Choose the register file to import"},
        noun="register",
        wrong_type="The register must be a CSV (.csv) or Excel (.xlsx) file",
    )


class RemoveCaseForm(GdsForm):
    submit_label = "Remove the case"
    reason = text_field(
        "Reason for removing the case",
        long=True,
        max_length=2000,
        help_text="For example: a duplicate of CDOP-2014-15-012. The case is kept in the "
        "audit trail with this reason and left out of every list and statistic.",
    )
