"""The shared number and date fields (core/forms): what people type, and the messages
they see when it is not a number or not a real date."""

from datetime import date
from decimal import Decimal

import pytest
from django import forms

from core.forms import date_field, decimal_field, integer_field, layout_for, money_field
from tests.forms import date_parts


class BudgetForm(forms.Form):
    amount = money_field("Amount of expenditure", min_value=0)
    attendees = integer_field("Number of attendees", required=False, min_value=1, max_value=500)
    rate = decimal_field("Rate per 10,000 children", required=False, decimal_places=1)


def cleaned(**data):
    form = BudgetForm(data)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def errors(**data) -> dict:
    form = BudgetForm(data)
    assert not form.is_valid()
    return form.errors


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12,000", Decimal("12000")),
        ("£12,000", Decimal("12000")),
        (" 12000 ", Decimal("12000")),
        ("12,000.50", Decimal("12000.50")),
        ("£ 1,234,567.89", Decimal("1234567.89")),
        ("0", Decimal("0")),
    ],
)
def test_money_accepts_how_people_write_amounts(typed, amount):
    assert cleaned(amount=typed)["amount"] == amount


@pytest.mark.parametrize("typed", ["twelve thousand", "12k", "1,2", "12.000.5", "£", "12 000x"])
def test_money_refuses_words_with_a_message_naming_the_field(typed):
    assert errors(amount=typed)["amount"] == [
        "Enter the amount of expenditure as a number, like 12,000"
    ]


def test_money_below_the_minimum_names_the_field_once():
    assert errors(amount="-5")["amount"] == ["Amount of expenditure must be £0 or more"]


def test_money_with_fractions_of_a_penny_is_refused():
    assert errors(amount="10.555")["amount"] == [
        "Amount of expenditure must be in pounds and pence, like 12,000.50"
    ]


def test_blank_required_number_names_the_field():
    assert errors(amount="  ")["amount"] == ["Enter the amount of expenditure"]


def test_whole_numbers():
    assert cleaned(amount="1", attendees=" 120 ")["attendees"] == 120
    assert cleaned(amount="1", attendees="")["attendees"] is None
    assert errors(amount="1", attendees="twelve")["attendees"] == [
        "Enter the number of attendees as a whole number, like 12"
    ]
    assert errors(amount="1", attendees="2.5")["attendees"] == [
        "Enter the number of attendees as a whole number, like 12"
    ]
    assert errors(amount="1", attendees="0")["attendees"] == [
        "Number of attendees must be between 1 and 500"
    ]
    assert errors(amount="1", attendees="501")["attendees"] == [
        "Number of attendees must be between 1 and 500"
    ]


def test_decimals_keep_their_places():
    assert cleaned(amount="1", rate="45.5")["rate"] == Decimal("45.5")
    assert errors(amount="1", rate="45.55")["rate"] == [
        "Rate per 10,000 children must have no more than 1 decimal places, like 12.5"
    ]
    assert errors(amount="1", rate="lots")["rate"] == [
        "Enter the rate per 10,000 children as a number, like 12.5"
    ]


def test_number_inputs_are_text_boxes_with_a_number_keypad():
    html = str(BudgetForm()["amount"])
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html
    assert 'spellcheck="false"' in html
    assert 'inputmode="numeric"' in str(BudgetForm()["attendees"])


class MeetingForm(forms.Form):
    date = date_field("Date of the meeting")
    approved_on = date_field("Date approved", required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = layout_for(self, "Save")


def date_errors(**parts) -> list[str]:
    form = MeetingForm(parts)
    assert not form.is_valid()
    return form.errors["date"]


def test_a_real_date_is_accepted():
    form = MeetingForm(date_parts("date", date(2024, 2, 29)))
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"date": date(2024, 2, 29), "approved_on": None}


def test_31_february_is_not_a_real_date_said_plainly():
    assert date_errors(date_0="31", date_1="2", date_2="2026") == [
        "Date of the meeting must be a real date"
    ]
    assert date_errors(date_0="29", date_1="2", date_2="2026") == [
        "Date of the meeting must be a real date"
    ]
    assert date_errors(date_0="1", date_1="13", date_2="2026") == [
        "Date of the meeting must be a real date"
    ]


def test_a_missing_part_is_named():
    assert date_errors(date_0="1", date_1="", date_2="2026") == [
        "Date of the meeting must include a month"
    ]
    assert date_errors(date_0="", date_1="", date_2="2026") == [
        "Date of the meeting must include a day and a month"
    ]
    assert date_errors(date_0="1", date_1="4") == ["Date of the meeting must include a year"]


def test_letters_and_short_years_are_refused():
    assert date_errors(date_0="first", date_1="April", date_2="2026") == [
        "Date of the meeting must be a real date"
    ]
    assert date_errors(date_0="1", date_1="4", date_2="26") == [
        "Date of the meeting must include the year as 4 numbers, like 2015"
    ]


def test_an_empty_date_names_the_field_and_an_optional_one_is_none():
    assert date_errors() == ["Enter the date of the meeting"]


def test_the_error_summary_links_to_the_box_that_is_wrong():
    form = MeetingForm({"date_0": "1", "date_1": "", "date_2": "2026"})
    assert not form.is_valid()
    from crispy_forms_gds.templatetags.crispy_forms_gds import field_errors

    assert dict(field_errors(form["date"]))["id_date_1"] == [
        "Date of the meeting must include a month"
    ]


def test_the_date_input_is_three_boxes():
    html = str(MeetingForm(initial={"date": date(2015, 3, 27)})["date"])
    assert 'type="date"' not in html
    for name, value in (("date_0", "27"), ("date_1", "3"), ("date_2", "2015")):
        assert f'name="{name}"' in html
        assert f'value="{value}"' in html
