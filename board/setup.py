"""What a new board starts with: each app registers, in its AppConfig.ready, a step that
gives a board its starting records (its settings, its default lists), and `set_up` runs
them when the board is made. Every road that makes a board (the service, the admin, the
demo, a test's factory) saves a Board, so the steps run on Board's post_save; reads then
only read, and never find a board without its settings. Boards made before a step
existed get its records from that app's data migration. A step must be safe to run
twice; a board restored from a backup (a raw save) brings its own records."""

from collections.abc import Callable

from django.db.models.signals import post_save
from django_scopes import scope

from .models import Board

SetUpStep = Callable[..., None]
_steps: list[SetUpStep] = []


def register(step: SetUpStep) -> SetUpStep:
    """Run `step(board=...)` for every new board (usable as a decorator)."""
    if step not in _steps:
        _steps.append(step)
    return step


def set_up(board: Board) -> None:
    with scope(board=board):
        for step in _steps:
            step(board=board)


def _on_board_saved(sender, instance: Board, created: bool, raw: bool, **kwargs) -> None:
    if created and not raw:
        set_up(instance)


def connect() -> None:
    post_save.connect(_on_board_saved, sender=Board, dispatch_uid="board.setup")
