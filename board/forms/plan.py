from core.forms import MoneyField

from ..models import Challenge, ExpenditureLine, IncomeLine, Objective, Priority
from .records import model_form

PriorityForm = model_form(Priority, ["number", "title"], submit="Save priority")
ObjectiveForm = model_form(
    Objective, ["number", "title", "we_said", "we_did", "impact"], submit="Save objective"
)
ChallengeForm = model_form(
    Challenge,
    ["raised_on", "agency", "issue", "response", "outcome", "closed_on"],
    submit="Save challenge",
)
ExpenditureLineForm = model_form(
    ExpenditureLine,
    ["heading", "item", "budget", "outturn", "position"],
    submit="Save line",
    meta={"field_classes": {"budget": MoneyField, "outturn": MoneyField}},
)
IncomeLineForm = model_form(
    IncomeLine,
    ["kind", "agency", "source_name", "budget", "actual", "position"],
    submit="Save line",
    meta={
        "help_texts": {"actual": "A transfer to reserves is entered as a negative amount."},
        "field_classes": {"budget": MoneyField, "actual": MoneyField},
    },
)
