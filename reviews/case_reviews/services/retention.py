"""Writes of the board's retention settings."""

from django.db import transaction

from board.models import Board

from ..models import RetentionSettings


@transaction.atomic
def retention_settings_update(
    *, board: Board, cdop_years: int, case_review_years: int
) -> RetentionSettings:
    """Save the board's periods; the first save creates the record (one audit entry)."""
    saved = RetentionSettings.objects.select_for_update().filter(board=board).first()
    settings = saved or RetentionSettings(board=board)
    settings.cdop_years = cdop_years
    settings.case_review_years = case_review_years
    settings.full_clean()
    settings.save()
    return settings
