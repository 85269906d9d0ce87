"""NHS numbers are never stored: only a keyed hash (HMAC-SHA256 with a key derived from
SECRET_KEY), enough to see that a death has been notified twice and useless to anyone
without the key. Rotating SECRET_KEY means duplicates are no longer detected against
cases recorded before the rotation."""

import re

from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac

_KEY_SALT = "reviews.cdop.nhs_number"


def normalise_nhs_number(text: str) -> str:
    """Ten digits (spaces and hyphens allowed) with a valid modulus-11 check digit."""
    digits = re.sub(r"[\s-]", "", text or "")
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError("Enter an NHS number of 10 digits, like 943 476 5919.")
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    check = 0 if check == 11 else check
    if check == 10 or check != int(digits[9]):
        raise ValidationError("Enter a valid NHS number: this one's check digit is wrong.")
    return digits


def nhs_number_hash(text: str) -> str:
    """The stored form of an NHS number ('' when none was given)."""
    if not (text or "").strip():
        return ""
    digits = normalise_nhs_number(text)
    return salted_hmac(_KEY_SALT, digits, algorithm="sha256").hexdigest()
