"""The yearly report's forms: a lead partner's sign-off, the scrutineer's assessment,
and a date it was sent on."""

from board.partners import lead_partners
from core.forms import GdsForm, ListChoiceField, choice_field, date_field, text_field

from .models import ScrutinyConclusion, SendOnRecipient


class SignOffForm(GdsForm):
    submit_label = "Record the sign-off"

    agency = ListChoiceField(
        label="Lead partner", queryset=None, empty_label="Choose…",
        error_messages={"required": "Choose the lead partner",
                        "invalid_choice": "Choose the lead partner from the list"},
    )  # fmt: skip
    signatory = text_field("Name of the signatory", max_length=200)
    signed_on = date_field("Date of the sign-off")

    def __init__(self, *args, board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = lead_partners(board)


class ScrutinyForm(GdsForm):
    submit_label = "Record the assessment"

    text = text_field("Assessment", long=True)
    conclusion = choice_field("Conclusion", ScrutinyConclusion.choices, radios=True)
    assessed_on = date_field("Date of the assessment")
    assessed_by = text_field("Name of the scrutineer", max_length=200)


class SendOnForm(GdsForm):
    submit_label = "Record the date sent"

    recipient = choice_field("Recipient", SendOnRecipient.choices, radios=True)
    sent_on = date_field("Date sent")
