from django.http import HttpRequest

from . import navigation
from .selectors.notifications import unread_count
from .vocabulary import vocabulary


def current_board(request: HttpRequest) -> dict:
    """The board resolved by the access layer, for the header and navigation."""
    access = getattr(request, "board_access", None)
    board = getattr(request, "board", None)
    return {
        "board": board,
        "vocab": vocabulary(board),
        "board_access": access,
        "board_navigation": navigation.items_for(access, request.path),
        # Called by the template only when the header shows it: one COUNT, no more.
        "unread_notifications": (lambda: unread_count(access.board, access.user))
        if access
        else None,
    }
