"""The one date input: the GOV.UK day, month and year boxes (crispy-forms-gds'
DateInputField), with plain errors that name the question and the part that is wrong:
"Date of the meeting must include a month", "Date of the meeting must be a real date"."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django.core.exceptions import ValidationError

from .wording import object_phrase, subject

PARTS = ("day", "month", "year")
DATE_HINT = "For example, 27 3 2015"


class DateField(DateInputField):
    def __init__(
        self, *, label: str, required: bool = True, error_messages: dict | None = None, **kwargs
    ) -> None:
        kwargs.setdefault("help_text", DATE_HINT)
        super().__init__(label=label, required=required, **kwargs)
        name = subject(label)
        self.require_all_fields = False
        self.error_messages = {
            "required": f"Enter {object_phrase(label)}",
            "invalid": f"{name} must be a real date",
            "year": f"{name} must include the year as 4 numbers, like 2015",
            **{f"no_{part}": f"{name} must include a {part}" for part in PARTS},
            **(error_messages or {}),
        }
        for part in self.fields:
            part.required = True
            part.validators = []  # checked as a whole below, with messages that name the field

    def clean(self, value):
        if self.disabled and not isinstance(value, list | tuple):
            value = self.widget.decompress(value)
        parts = [str(v).strip() if v is not None else "" for v in list(value or ())[:3]]
        parts += [""] * (3 - len(parts))
        for field in self.fields:
            field.widget.errors = []
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        missing = [i for i, text in enumerate(parts) if not text]
        if missing:
            names = " and a ".join(PARTS[i] for i in missing)
            message = self.error_messages[f"no_{PARTS[missing[0]]}"]
            if len(missing) > 1:
                message = message.replace(f"a {PARTS[missing[0]]}", f"a {names}")
            self._mark(missing, message)
            raise ValidationError(message, code="incomplete")
        not_numbers = [i for i, text in enumerate(parts) if not (text.isascii() and text.isdigit())]
        if not_numbers:
            self._mark(not_numbers, self.error_messages["invalid"])
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        day, month, year = (int(text) for text in parts)
        if len(parts[2]) != 4:
            self._mark([2], self.error_messages["year"])
            raise ValidationError(self.error_messages["year"], code="invalid")
        try:
            out = date(year, month, day)
        except ValueError:  # 31/2: a real date, said plainly (not Python's message)
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        self.validate(out)
        self.run_validators(out)
        return out

    def _mark(self, indexes: list[int], message: str) -> None:
        """Put the error on the first box that is wrong, so the error summary links to it
        (once: the summary lists each box's errors)."""
        self.fields[indexes[0]].widget.errors.append(message)

    def compress(self, data_list):
        day, month, year = data_list
        try:
            return date(int(year), int(month), int(day)) if day and month and year else None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


def date_field(label: str, required: bool = True, **kwargs) -> DateField:
    return DateField(label=label, required=required, **kwargs)
