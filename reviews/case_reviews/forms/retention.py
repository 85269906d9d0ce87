"""The board manager's retention settings form."""

from core.forms import GdsForm, WholeNumberField, integer_field

from ..models.retention import MAX_YEARS, MIN_YEARS, RetentionSettings


def years_field(model_field: str, what: str) -> WholeNumberField:
    field = RetentionSettings._meta.get_field(model_field)
    return integer_field(
        field.verbose_name[0].upper() + field.verbose_name[1:],
        help_text=field.help_text,
        min_value=MIN_YEARS,
        max_value=MAX_YEARS,
        error_messages={
            "required": f"Enter how many years to keep {what}",
            "invalid": f"Enter how many years to keep {what} as a whole number, like 10",
            "min_value": f"Keep {what} for at least {MIN_YEARS} year",
            "max_value": f"Keep {what} for {MAX_YEARS} years or fewer",
        },
    )


class RetentionSettingsForm(GdsForm):
    submit_label = "Save the retention periods"
    cdop_years = years_field("cdop_years", "child death records")
    case_review_years = years_field("case_review_years", "case review records")
