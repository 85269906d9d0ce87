"""Writes of independent scrutiny (board/models/scrutiny.py) and of the board's
arrangement. A new finding, and a challenge raised from one, are handed to the board
managers (board.notifications kinds registered in BoardConfig.ready)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from core.links import board_url

from ..models import (
    Agency,
    Board,
    BoardArrangement,
    Challenge,
    Role,
    ScrutinyArea,
    ScrutinyFinding,
    User,
)
from .notifications import holders, notify

KINDS = {
    "scrutiny_finding_raised": "The independent scrutineer has recorded a finding",
    "scrutiny_challenge_raised": "A challenge has been raised from independent scrutiny",
}


@transaction.atomic
def scrutiny_area_save(*, area: ScrutinyArea) -> ScrutinyArea:
    area.full_clean()
    area.save()
    return area


@transaction.atomic
def scrutiny_finding_save(*, finding: ScrutinyFinding, by: User | None) -> ScrutinyFinding:
    adding = finding._state.adding
    finding.full_clean()
    finding.save()
    if adding:
        notify(
            board=finding.board, kind="scrutiny_finding_raised",
            users=holders(finding.board, Role.BOARD_MANAGER),
            link=board_url(finding.board, "scrutiny-finding-list"),
            about=f"Finding of {finding.found_on:%-d %B %Y}", exclude=by,
        )  # fmt: skip
    return finding


@transaction.atomic
def scrutiny_challenge_raise(
    *, finding: ScrutinyFinding, agency: Agency, issue: str, raised_on: date, by: User | None
) -> Challenge:
    """Enter a challenge in the board's challenge log from a finding, and link the two."""
    if finding.challenge_id:
        raise ValidationError("A challenge has already been raised from this finding.")
    challenge = Challenge(board=finding.board, agency=agency, issue=issue, raised_on=raised_on)
    challenge.full_clean()
    challenge.save()
    finding.challenge = challenge
    finding.full_clean()
    finding.save(update_fields=["challenge", "updated_at"])
    notify(
        board=finding.board, kind="scrutiny_challenge_raised",
        users=holders(finding.board, Role.BOARD_MANAGER),
        link=board_url(finding.board, "challenge-list"),
        about=f"Challenge of {raised_on:%-d %B %Y}", exclude=by,
    )  # fmt: skip
    return challenge


@transaction.atomic
def board_arrangement_set(*, board: Board, arrangement: str, since: date | None) -> Board:
    """Record how the board is arranged. An LSCB that becomes a partnership names the
    day; its records before that day keep the LSCB's words (Board.arrangement_on)."""
    board.arrangement = arrangement
    board.partnership_since = since if arrangement == BoardArrangement.PARTNERSHIP else None
    board.full_clean()
    board.save(update_fields=["arrangement", "partnership_since", "updated_at"])
    return board
