"""The one FormHelper of the service's forms.

Forms are checked on the server, which shows the GOV.UK error summary and keeps what was
typed. The browser's own checks (from `min`, `max` and `maxlength` attributes) would stop
the form first, with a pop-up that the error summary, and many screen readers, miss: so
every form says `novalidate`."""

from crispy_forms_gds.helper import FormHelper as GdsFormHelper


class FormHelper(GdsFormHelper):
    def __init__(self, form=None) -> None:
        super().__init__(form)
        self.attrs = {"novalidate": "novalidate"}
