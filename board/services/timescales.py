"""Writing a board's value of a timescale (board/timescales.py): to the app's settings
row where the timescale points at one, else to board's override table, which keeps a row
only while the value differs from the default. Audited like every board record."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .. import timescales
from ..models import Board, BoardTimescale


@transaction.atomic
def timescale_set(*, board: Board, key: str, value: int) -> int:
    timescale = timescales.get(key)
    if not timescale.minimum <= value <= timescale.maximum:
        raise ValidationError({"value": f"Enter {timescale.range_text}."})
    if timescale.stored_in:
        # The app's own row, made with the board (board.setup); its clean() has the last word.
        row, _ = timescale.model().objects.get_or_create(board=board)
        setattr(row, timescale.stored_in[1], value)
        try:
            row.full_clean()
        except ValidationError as error:
            found = [message for messages in error.message_dict.values() for message in messages]
            raise ValidationError({"value": found}) from error
        row.save()
        return value
    existing = BoardTimescale.objects.filter(board=board, key=key).first()
    if value == timescale.default:
        if existing is not None:
            existing.delete()
        return value
    row = existing or BoardTimescale(board=board, key=key)
    row.value = value
    row.full_clean()
    row.save()
    return value
