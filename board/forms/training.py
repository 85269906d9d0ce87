from django import forms

from core.forms import integer_field, layout_for

from ..models import Agency, Course, SessionEvaluation, TrainingSession
from .records import model_form

CourseForm = model_form(Course, ["title", "level", "delivery"], submit="Save course")
TrainingSessionForm = model_form(
    TrainingSession, ["course", "date", "place"], submit="Save session"
)
SessionEvaluationForm = model_form(
    SessionEvaluation,
    ["end_score", "end_comments", "follow_up_score", "follow_up_comments"],
    submit="Save evaluation",
)


class AttendanceForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), error_messages={"required": "Choose an agency"}
    )
    attendees = integer_field(
        "Number of attendees",
        min_value=1,
        error_messages={
            "required": "Enter the number of attendees",
            "min_value": "Enter at least 1 attendee",
            "invalid": "Enter the number of attendees as a whole number",
        },
    )

    def __init__(self, *args, board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(board=board)
        self.helper = layout_for(self, "Save attendance")
