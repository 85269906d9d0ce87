"""Forms for the case review register. They check the shape of the input; the services
check the record as a whole (dates in order, independence, owners)."""

from django import forms
from django.db.models import Q

from board.files import UploadField
from board.models import ActionStatus, Agency, Board
from core.forms import (
    GdsForm,
    choice_field,
    date_field,
    integer_field,
    layout_for,
    picker,
    text_field,
)
from reviews.child_deaths.models import CdopCase

from ..models import (
    AppointmentRole,
    CaseReview,
    Decision,
    DisseminationKind,
    DocumentKind,
    Methodology,
    MilestoneKind,
    RecommendationScope,
    ReviewType,
    Theme,
)


class ScrForm(GdsForm):
    """GdsForm laid out by the board's helper (check boxes and uploads included)."""

    def __init__(self, *args, submit_label: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Edit pages reuse the add forms; their button says "Save", not "Add".
        self.submit_label = submit_label or self.submit_label
        self.helper = layout_for(self, self.submit_label)


class ReviewForm(ScrForm):
    submit_label = "Save the review"
    reference = text_field(
        "Case reference",
        max_length=40,
        help_text='For example "Child M". Never enter the child\'s name.',
    )
    review_type = choice_field("Type of review", ReviewType.choices)
    partner_board = text_field("Other board (joint reviews only)", required=False, max_length=200)
    incident_on = date_field("Date of the incident")
    notified_on = date_field("Date the board was notified")
    criteria_considered = text_field("Criteria considered", required=False, long=True)
    agencies_involved = forms.ModelMultipleChoiceField(
        label="Agencies involved in the case",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cdop_case = picker(
        forms.ModelChoiceField(
            label="Child death (CDOP) case, if there is one",
            queryset=None,
            required=False,
            empty_label="None",
            help_text="Type part of the case number to find it.",
        )
    )
    executive_summary = text_field("Executive summary", required=False, long=True)

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies_involved"].queryset = Agency.objects.filter(board=board)
        cases = CdopCase.objects.current().filter(board=board)
        self.fields["cdop_case"].queryset = cases.order_by("-number")


class DecisionForm(ScrForm):
    submit_label = "Record the decision"
    decision = choice_field("Decision", Decision.choices, radios=True)
    decision_on = date_field("Date of the decision")
    decision_reasons = text_field("Reasons for the decision", long=True)
    decided_by = text_field("Decided by", max_length=200, help_text="E.g. the independent chair")
    methodology = choice_field("Methodology", Methodology.choices, required=False)


class AppointmentForm(ScrForm):
    submit_label = "Record the appointment"
    role = choice_field("Role", AppointmentRole.choices, radios=True)
    name = text_field("Name", max_length=200)
    affiliation = text_field("Organisation", max_length=200)
    employing_agency = forms.ModelChoiceField(
        label="Works for one of the board's agencies",
        queryset=None,
        required=False,
        empty_label="No",
    )
    declared_independent = forms.BooleanField(
        label="They have declared their independence from the board and from every agency "
        "involved in the case",
        required=False,
    )
    declaration_on = date_field("Date of the declaration", required=False)
    references_taken_up = forms.BooleanField(label="References taken up", required=False)
    trained_on = date_field("Date of review training", required=False)

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employing_agency"].queryset = Agency.objects.filter(board=board)


class PanelMemberForm(ScrForm):
    submit_label = "Add the panel member"
    name = text_field("Name", max_length=200)
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=None,
        empty_label="Choose…",
        error_messages={"required": "Choose the panel member's agency"},
    )
    post_title = text_field("Post", required=False, max_length=200)

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(board=board)


class MilestoneForm(ScrForm):
    submit_label = "Save the milestone"
    kind = choice_field("Milestone", MilestoneKind.choices)
    agency = forms.ModelChoiceField(
        label="Agency (agency reports only)", queryset=None, required=False, empty_label="None"
    )
    planned_on = date_field("Planned date", required=False)
    actual_on = date_field("Actual date", required=False)
    web_address = forms.URLField(
        label="Web address of the published report (publication only)",
        required=False,
        assume_scheme="https",
    )
    notes = text_field("Notes", required=False, max_length=300)

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(board=board)


class RecommendationForm(ScrForm):
    submit_label = "Add the recommendation"
    text = text_field("Recommendation", long=True)
    scope = choice_field("Scope", RecommendationScope.choices, radios=True)
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
        self.fields["owner_agency"].queryset = Agency.objects.filter(board=board)


class ActionForm(ScrForm):
    submit_label = "Add the action"
    description = text_field("Action", long=True)
    owner_agency = forms.ModelChoiceField(
        label="Owning agency", queryset=None, required=False, empty_label="Choose…"
    )
    due_date = date_field("Due by")

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = Agency.objects.filter(board=board)


class ProgressForm(ScrForm):
    submit_label = "Save the progress"
    status = choice_field("Status", ActionStatus.choices)
    text = text_field("Progress", long=True)
    evidence = text_field("Evidence of completion", required=False, long=True)


class LessonForm(ScrForm):
    submit_label = "Add the lesson"
    text = text_field("Lesson", long=True)
    themes = forms.ModelMultipleChoiceField(
        label="Themes", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, board: Board, lesson=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A lesson being corrected keeps its retired themes on offer, so that saving a
        # corrected text does not silently drop them.
        wanted = Q(is_active=True) | Q(lessons=lesson) if lesson else Q(is_active=True)
        self.fields["themes"].queryset = Theme.objects.filter(wanted, board=board).distinct()


class DisseminationForm(ScrForm):
    submit_label = "Record the dissemination"
    kind = choice_field("Kind", DisseminationKind.choices)
    title = text_field("Title", max_length=200)
    held_on = date_field("Date")
    reached = integer_field("People reached (optional)", required=False, min_value=0)
    reviews = forms.ModelMultipleChoiceField(
        label="Reviews whose learning it shared",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviews"].queryset = CaseReview.objects.filter(board=board)


class DocumentForm(ScrForm):
    submit_label = "Upload the document"
    kind = choice_field("Kind of document", DocumentKind.choices)
    title = text_field("Title", max_length=200)
    agency = forms.ModelChoiceField(
        label="Agency (agency reports only)", queryset=None, required=False, empty_label="None"
    )
    is_published = forms.BooleanField(
        label="Published (executive summaries only): every board role can read it",
        required=False,
    )
    file = UploadField()

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(board=board)


class ThemesForm(ScrForm):
    submit_label = "Save the themes"
    names = text_field(
        "Themes, one a line",
        long=True,
        help_text="A theme taken off the list is kept on the lessons that have it.",
    )


class SettingsForm(ScrForm):
    submit_label = "Save the settings"
    decision_months = integer_field("Decide within (months of notification)", min_value=0)
    completion_months = integer_field("Complete within (months of initiation)", min_value=0)
    notification_working_days = integer_field(
        "Notify within (working days of the incident)", min_value=0
    )
    rapid_review_working_days = integer_field(
        "Rapid review within (working days of notification)", min_value=0
    )
    alert_days_before = integer_field("Alert this many days before a deadline", min_value=0)
    publication_months = integer_field(
        "Publish a practice review within (months of the decision)", min_value=0
    )
    prepublication_notice_working_days = integer_field(
        "Tell the Panel and the Secretary of State (working days before publication)",
        min_value=0,
        help_text="Check against current guidance: 7 unless the board has set its own.",
    )
    panel_response_days = integer_field(
        "The Panel's response expected within (days of the rapid review being sent)",
        min_value=0,
        help_text="Check against current guidance: 10 unless the board has set its own.",
    )
