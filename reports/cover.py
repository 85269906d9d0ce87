"""The report's cover: the board's name and year, a logo (one of the report's uploaded
images, reports/images.py) and a colour the board chooses, with text that can be read on it.

The text is white when white on the colour meets WCAG 2.2 AA for normal text (a contrast of
at least 4.5:1), or else the GOV.UK text colour when that does; a colour on which neither
can be read (a mid grey) is refused, with the contrasts it has."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.numbers import round_half_up

from .models import AnnualReport, ReportImage

WHITE, TEXT = "#ffffff", "#0b0c0c"
AA_NORMAL_TEXT = 4.5


def _luminance(colour: str) -> float:
    """Relative luminance of a "#rrggbb" colour (WCAG 2.2, "relative luminance")."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class CoverColours:
    background: str
    text: str


def cover_colours(colour: str) -> CoverColours | None:
    """The cover's background and text colours; None for the plain white cover. Raises
    ValidationError for a colour on which no text colour can be read."""
    if not colour:
        return None
    colour = colour.lower()
    for text in (WHITE, TEXT):
        if contrast(colour, text) >= AA_NORMAL_TEXT:
            return CoverColours(colour, text)
    white, black = (round_half_up(contrast(colour, c), 2) for c in (WHITE, TEXT))
    raise ValidationError(
        {"cover_colour": f"Choose a darker or a lighter colour: text on {colour} cannot be read "
                   f"(white text has a contrast of {white}:1, black {black}:1, and it needs "
                   f"at least 4.5:1)"}
    )  # fmt: skip


def normalised(colour: str) -> str:
    """ "#1D70B8", "1d70b8" and " #1d70b8 " are the same colour: "#1d70b8"."""
    colour = colour.strip().lower()
    return f"#{colour}" if colour and not colour.startswith("#") else colour


@transaction.atomic
def cover_set(*, report: AnnualReport, logo: ReportImage | None, colour: str) -> AnnualReport:
    if report.is_locked:
        raise PermissionDenied("The report is approved: its cover is locked.")
    report.cover_logo = logo
    report.cover_colour = normalised(colour)
    report.full_clean()
    cover_colours(report.cover_colour)
    report.save(update_fields=["cover_logo", "cover_colour", "updated_at"])
    return report
