"""What a spreadsheet cell holds, read one way for every upload that reads workbooks (the
dataset import and the sub-group return): a cell named as Excel names it (Figures!D7), a
typed number freed of binary float noise, and a plain message for a cell that holds what
its column cannot (a date or TRUE where a number goes, an Excel error such as #DIV/0!).

Float noise: Excel keeps 15 significant digits and shows no more, but a cell's stored
binary value can carry more (0.1 + 0.2 is stored as 0.30000000000000004). Digits past the
15th significant one are noise, so a number is rounded half up to 15 significant digits
and then holds what the person sees in Excel (0.3). A value with more real decimal places
than a figure allows (12.35 where one is allowed) is still more than allowed: callers
refuse it with a message rather than round a figure someone typed."""

import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.utils import get_column_letter

SIGNIFICANT_DIGITS = 15
# Error values a cell can hold: the classic ones and those of newer Excel versions.
EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#PYTHON!",
    }
)
_PLAIN_TITLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
NOT_CALCULATED = (
    "the formula {formula} has no saved result (the file was made by a program that does "
    "not calculate, or it gives no value here): open the file in Excel and save it, or "
    "type the value"
)


def cell_name(sheet_title: str, column: int, row: int) -> str:
    """Figures!D7 (column counted from 1); a title with spaces is quoted as Excel does."""
    title = sheet_title
    if not _PLAIN_TITLE.match(title):
        title = "'" + title.replace("'", "''") + "'"
    return f"{title}!{get_column_letter(column)}{row}"


def is_error(value) -> bool:
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def without_float_noise(number: Decimal) -> Decimal:
    """The number rounded half up to 15 significant digits, when it has more."""
    if not number.is_finite() or len(number.as_tuple().digits) <= SIGNIFICANT_DIGITS:
        return number
    quantum = Decimal(1).scaleb(number.adjusted() - SIGNIFICANT_DIGITS + 1)
    return number.quantize(quantum, rounding=ROUND_HALF_UP).normalize()


def cell_decimal(value: int | float) -> Decimal:
    """A number cell as the decimal Excel shows (repr is the float's shortest exact text)."""
    return without_float_noise(Decimal(repr(value) if isinstance(value, float) else value))


def decimal_text(number: Decimal) -> str:
    """Plain digits, never an exponent: 100, 0.3, 0.0001."""
    text = f"{number.normalize():f}"
    return "0" if text in ("-0", "0") else text


def not_a_number(value) -> str | None:
    """Why a cell's value cannot be a number (None when it is a number, text or empty:
    text is the caller's to read)."""
    if isinstance(value, bool):
        return f"{'TRUE' if value else 'FALSE'} is a true/false value, not a number"
    if isinstance(value, datetime | date):
        return "a date is not a number"
    if isinstance(value, time | timedelta):
        return "a time is not a number"
    if is_error(value):
        return excel_error(value)
    return None


def excel_error(value: str) -> str:
    return (
        f"the cell holds the Excel error {value.strip()}, not a value: correct the formula "
        "or type the value"
    )


def cell_text(value) -> str:
    """A cell as the text a person reads in it: numbers as Excel shows them, a date as
    2014-04-01 (with the time when there is one), TRUE or FALSE."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return decimal_text(cell_decimal(value))
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()
