"""Forms of independent scrutiny and of the board's arrangement."""

from django.core.exceptions import ValidationError

from core.forms import GdsForm, ListChoiceField, choice_field, date_field, text_field

from ..models import Agency, Board, BoardArrangement, ScrutinyArea, ScrutinyFinding
from .records import BoardMeta, BoardModelForm, model_form

ScrutinyAreaForm = model_form(
    ScrutinyArea,
    ["title", "description", "planned_start", "planned_end"],
    submit="Save area",
)


class ScrutinyFindingForm(BoardModelForm):
    submit_label = "Save finding"

    class Meta(BoardMeta):
        model = ScrutinyFinding
        fields = ["found_on", "area", "text", "evidence"]
        help_texts = {
            "evidence": "The address of a page of this service (such as /boards/…/assurance/"
            "audits/), or where the evidence is kept.",
        }

    def adjust_fields(self) -> None:
        self.fields["area"].empty_label = "Not one of the plan's areas"


class ChallengeFromFindingForm(GdsForm):
    submit_label = "Raise the challenge"

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(board=board)

    agency = ListChoiceField(
        label="Agency challenged",
        queryset=Agency.objects.none(),
        empty_label="Choose…",
        error_messages={
            "required": "Choose the agency challenged",
            "invalid_choice": "Choose the agency challenged from the list",
        },
    )
    issue = text_field("Issue raised", long=True)
    raised_on = date_field("Date raised")


class ArrangementForm(GdsForm):
    """How the board is arranged, and from which day it is a partnership."""

    submit_label = "Continue"

    arrangement = choice_field("Arrangement", BoardArrangement.choices, radios=True)
    since = date_field(
        "Partnership since",
        required=False,
        help_text="For a board that was an LSCB: the day it became a partnership. Its "
        "records before that day keep the board's words. Leave empty if it has always "
        "been a partnership.",
    )

    def clean(self):
        data = super().clean()
        if data.get("arrangement") != BoardArrangement.PARTNERSHIP and data.get("since"):
            raise ValidationError({"since": "Only a partnership has a date it became one."})
        return data

    def as_query(self) -> dict:
        since = self.cleaned_data.get("since")
        return {
            "arrangement": self.cleaned_data["arrangement"],
            "since": since.isoformat() if since else "",
        }

    @classmethod
    def from_query(cls, query) -> "ArrangementForm":
        """The choice carried to the confirmation page in its address."""
        data = {"arrangement": query.get("arrangement", "")}
        since = query.get("since", "")
        if since:
            parts = since.split("-")
            if len(parts) == 3:
                data.update({"since_0": parts[2], "since_1": parts[1], "since_2": parts[0]})
            else:
                data["since_0"] = since  # not a date: the form says so
        return cls(data=data)
