"""Forms for audits. They check the shape of the input; the services check the audit as a
whole (period in order, rating counts within the sample size, owners)."""

from django import forms

from board.forms.records import layout_for
from board.models import Agency, Board

from ..models import AuditType, RatingLevel
from .cdop import GdsForm, choice_field, date_field, text_field


class AuditGdsForm(GdsForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = layout_for(self, self.submit_label)


def count_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        error_messages={
            "required": f"Enter the {label.lower()} (0 if none)",
            "invalid": f"Enter the {label.lower()} as a whole number",
            "min_value": f"The {label.lower()} cannot be negative",
        },
    )


class AuditForm(AuditGdsForm):
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

    def __init__(self, *args, levels: list[RatingLevel], **kwargs) -> None:
        self.levels = levels
        super().__init__(*args, **kwargs)

    def service_data(self) -> dict:
        """The cleaned data as the audit services take it: fields, and counts by level."""
        data = dict(self.cleaned_data)
        counts = {level: data.pop(f"rating_{level.pk}") for level in self.levels}
        return {"counts": counts, **data}


def audit_form(data=None, *, levels: list[RatingLevel], initial=None) -> AuditForm:
    """An AuditForm class with a count field for each rating level, so that the GOV.UK
    layout includes them."""
    attrs = {
        f"rating_{level.pk}": count_field(f"Cases rated {level.name.lower()}") for level in levels
    }
    form_class = type("AuditWithRatingsForm", (AuditForm,), attrs)
    return form_class(data, levels=levels, initial=initial)


class FindingForm(AuditGdsForm):
    submit_label = "Add the finding"
    text = text_field("Finding", long=True)


class AuditRecommendationForm(AuditGdsForm):
    submit_label = "Add the recommendation"
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

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = Agency.objects.filter(board=board)
