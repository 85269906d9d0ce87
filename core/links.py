"""The address of a board page: the one `board_url`, so that every view builds its links
(and its redirects) the same way, with the board's slug and an optional query."""

from collections.abc import Mapping
from urllib.parse import urlencode

from django.urls import reverse


def board_url(board_or_request, name: str, *, query: Mapping | None = None, **kwargs) -> str:
    """reverse(name) for the board, or the request's board (`request.board`, set by the
    access layer). `query` becomes the query string; empty values are left out, so
    `query={"status": ""}` links to the unfiltered page."""
    board = getattr(board_or_request, "board", board_or_request)
    url = reverse(name, kwargs={"board_slug": board.slug, **kwargs})
    params = {key: value for key, value in (query or {}).items() if value not in (None, "")}
    return f"{url}?{urlencode(params, doseq=True)}" if params else url
