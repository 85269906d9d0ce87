"""Number fields: a text input that the phone shows a number pad for, forgiving of how
people write numbers ("12,000", "£12,000", " 12000 ") and refusing anything else with a
message that names the field. Browsers' `type=number` inputs are not used: they silently
submit an empty value when letters are typed, so a blank was saved instead of an error."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from .wording import object_phrase, subject

# Digits with optional thousands commas ("12,000" but not "1,2"), then optional decimals.
_NUMBER = re.compile(r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")


class NumberField(forms.Field):
    """A decimal number. Subclasses: whole numbers, money."""

    widget = forms.TextInput
    inputmode = "decimal"
    example = "12.5"
    as_what = "a number"
    currency = ""

    def __init__(
        self,
        *,
        label: str,
        min_value=None,
        max_value=None,
        max_digits: int | None = None,
        decimal_places: int | None = None,
        error_messages: dict | None = None,
        **kwargs,
    ) -> None:
        self.min_value, self.max_value = min_value, max_value
        self.max_digits, self.decimal_places = max_digits, decimal_places
        self.limited_both_ways = min_value is not None and max_value is not None
        if max_value is None and max_digits is not None:
            places = decimal_places or 0
            self.max_value = Decimal(10) ** (max_digits - places) - Decimal(10) ** -places
        super().__init__(label=label, **kwargs)
        self.error_messages = {**self._messages(label), **(error_messages or {})}

    def _messages(self, label: str) -> dict:
        name, what = subject(label), object_phrase(label)
        low, high = self.show(self.min_value), self.show(self.max_value)
        between = f"{name} must be between {low} and {high}" if self.limited_both_ways else ""
        return {
            "required": f"Enter {what}",
            "invalid": f"Enter {what} as {self.as_what}, like {self.example}",
            "min_value": between or f"{name} must be {low} or more",
            "max_value": between or f"{name} must be {high} or less",
            "decimal_places": f"{name} must have no more than {self.decimal_places} decimal "
            f"places, like {self.example}",
        }

    def show(self, value) -> str:
        if value is None:
            return ""
        value = Decimal(value)
        sign, value = ("-", -value) if value < 0 else ("", value)
        text = f"{value:,.{self.decimal_places or 0}f}" if value % 1 else f"{value:,.0f}"
        return f"{sign}{self.currency}{text}"

    def widget_attrs(self, widget) -> dict:
        return {
            **super().widget_attrs(widget),
            "inputmode": self.inputmode,
            "spellcheck": "false",
        }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text:
            return None
        if self.currency:
            text = re.sub(rf"^(-?)\s*{re.escape(self.currency)}\s*", r"\1", text)
        if not _NUMBER.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return self.convert(Decimal(text.replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def convert(self, number: Decimal):
        if self.decimal_places is not None and -number.as_tuple().exponent > self.decimal_places:
            raise ValidationError(self.error_messages["decimal_places"], code="decimal_places")
        return number

    def validate(self, value) -> None:
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            raise ValidationError(self.error_messages["min_value"], code="min_value")
        if self.max_value is not None and value > self.max_value:
            raise ValidationError(self.error_messages["max_value"], code="max_value")

    def prepare_value(self, value):
        # Show what was saved as typed, without a trailing ".00" on whole amounts.
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return str(value.quantize(Decimal(1)))
        return value


class WholeNumberField(NumberField):
    inputmode = "numeric"
    example = "12"
    as_what = "a whole number"

    def convert(self, number: Decimal) -> int:
        if number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)


class MoneyField(NumberField):
    """Pounds and pence; "£" and thousands commas are allowed."""

    example = "12,000"
    currency = "£"

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)

    def _messages(self, label: str) -> dict:
        return {
            **super()._messages(label),
            "decimal_places": f"{subject(label)} must be in pounds and pence, like 12,000.50",
        }


def integer_field(label: str, **kwargs) -> WholeNumberField:
    return WholeNumberField(label=label, **kwargs)


def decimal_field(label: str, **kwargs) -> NumberField:
    return NumberField(label=label, **kwargs)


def money_field(label: str, **kwargs) -> MoneyField:
    return MoneyField(label=label, **kwargs)
