from django.http import HttpRequest


def current_board(request: HttpRequest) -> dict:
    """The board resolved by the access layer, for the header and navigation."""
    return {
        "board": getattr(request, "board", None),
        "board_access": getattr(request, "board_access", None),
    }
