"""What a host administrator does across boards: create a board (its defaults come from
board.setup on save) and invite its first manager (services/invitations.py)."""

from django.db import transaction

from ..models import Board


@transaction.atomic
def board_create(*, name: str, slug: str, local_authority: str) -> Board:
    board = Board(name=name.strip(), slug=slug, local_authority=local_authority.strip())
    board.full_clean()
    board.save()
    return board
