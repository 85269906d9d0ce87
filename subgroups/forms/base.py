from django.core.exceptions import ValidationError

from core.forms import apply_errors, layout_for


class GdsMixin:
    submit_label = "Save"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = layout_for(self, self.submit_label)

    def add_service_errors(self, error: ValidationError) -> None:
        apply_errors(self, error)
