"""Forms for audits. They check the shape of the input; the services check the audit as a
whole (period in order, rating counts within the sample size, owners)."""

from django import forms

from board.models import Agency, Board
from core.forms import (
    GdsForm,
    WholeNumberField,
    choice_field,
    date_field,
    integer_field,
    layout_for,
    text_field,
)

from ..models import Audit, AuditFinding, AuditType, RatingLevel


def count_field(label: str) -> WholeNumberField:
    return integer_field(
        label,
        min_value=0,
        error_messages={
            "required": f"Enter the {label.lower()} (0 if none)",
            "invalid": f"Enter the {label.lower()} as a whole number",
            "min_value": f"The {label.lower()} cannot be negative",
        },
    )


AUDIT_DETAIL_FIELDS = [
    "title",
    "audit_type",
    "commissioned_by",
    "period_start",
    "period_end",
    "sample_size",
]


class AuditForm(GdsForm):
    """The audit and one count field per level of the board's rating scale
    (`rating_<level id>`)."""

    submit_label = "Save the audit"
    title = text_field("Title", max_length=200)
    audit_type = choice_field("Type of audit", AuditType.choices)
    commissioned_by = text_field(
        "Commissioning sub-group",
        required=False,
        max_length=200,
        help_text="E.g. Quality assurance sub-group",
    )
    period_start = date_field("Start of the period covered")
    period_end = date_field("End of the period covered")
    sample_size = count_field("Number of cases audited")
    follows_up = forms.ModelChoiceField(
        label="Re-audit of",
        queryset=None,
        required=False,
        empty_label="Not a re-audit",
        help_text="The earlier audit whose findings this audit checks again",
        error_messages={"invalid_choice": "Choose the audit this re-audits from the list"},
    )
    reaudit_planned_for = date_field("Re-audit planned for", required=False)

    def __init__(self, *args, levels: list[RatingLevel], audits, **kwargs) -> None:
        self.levels = levels
        super().__init__(*args, **kwargs)
        self.fields["follows_up"].queryset = audits
        # The rating counts belong with the sample size, before the re-audit fields.
        self.order_fields([*AUDIT_DETAIL_FIELDS, *(f"rating_{level.pk}" for level in levels)])
        self.helper = layout_for(self, self.submit_label)

    def service_data(self) -> dict:
        """The cleaned data as the audit services take it: fields, and counts by level."""
        data = dict(self.cleaned_data)
        counts = {level: data.pop(f"rating_{level.pk}") for level in self.levels}
        return {"counts": counts, **data}


def audit_form(
    data=None, *, levels: list[RatingLevel], board: Board, audit: Audit | None = None, initial=None
) -> AuditForm:
    """An AuditForm class with a count field for each rating level, so that the GOV.UK
    layout includes them. An audit can be a re-audit of any other audit of the board."""
    attrs = {
        f"rating_{level.pk}": count_field(f"Cases rated {level.name.lower()}") for level in levels
    }
    form_class = type("AuditWithRatingsForm", (AuditForm,), attrs)
    audits = Audit.objects.filter(board=board)
    if audit is not None:
        audits = audits.exclude(pk=audit.pk)
    return form_class(data, levels=levels, audits=audits, initial=initial)


class FindingForm(GdsForm):
    submit_label = "Add the finding"
    text = text_field("Finding", long=True)


class AuditRecommendationForm(GdsForm):
    submit_label = "Add the recommendation"
    finding = forms.ModelChoiceField(
        label="Finding it answers",
        queryset=None,
        required=False,
        empty_label="None in particular",
    )
    text = text_field("Recommendation", long=True)
    owner_agency = forms.ModelChoiceField(
        label="Agency that owns the action",
        queryset=None,
        required=False,
        empty_label="Choose…",
    )
    action_description = text_field(
        "Action", required=False, long=True, help_text="Leave empty to use the text above"
    )
    due_date = date_field("Action due by")

    def __init__(self, *args, audit: Audit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = AuditFinding.objects.filter(
            board=audit.board, audit=audit
        )
        self.fields["owner_agency"].queryset = Agency.objects.filter(board=audit.board)


class RatingLevelForm(GdsForm):
    """A level of the board's rating scale. Levels in use are retired rather than deleted,
    so past audits keep their counts."""

    submit_label = "Save the rating"
    name = text_field("Name of the rating", max_length=100)
    position = integer_field(
        "Position in the scale",
        min_value=1,
        max_value=99,
        help_text="1 is shown first; list the best rating first",
        error_messages={
            "required": "Enter the position in the scale",
            "invalid": "Enter the position as a whole number",
            "min_value": "The position must be 1 or more",
            "max_value": "The position must be 99 or less",
        },
    )
    is_active = forms.BooleanField(
        label="In use for new audits",
        required=False,
        initial=True,
        help_text="Untick to retire the rating: audits that used it keep their counts",
    )

    def __init__(self, *args, adding: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if adding:  # a new rating is in use; retiring is for ratings that exist
            del self.fields["is_active"]
            self.helper = layout_for(self, self.submit_label)

    def service_data(self) -> dict:
        return {"is_active": True, **self.cleaned_data}
