from core.forms import GdsForm, choice_field

from ..models import EmailChoice

CHOOSE = "Choose when to e-mail you about notifications"


class NotificationPreferenceForm(GdsForm):
    submit_label = "Save your choice"

    email = choice_field("E-mails about your notifications", EmailChoice.choices, radios=True)
    email.error_messages.update(required=CHOOSE, invalid_choice=CHOOSE)
