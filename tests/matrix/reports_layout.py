"""The report's cover and its published web page."""

from board.models import ALL_ROLES, Role

from .reports import page, year_kwargs

ENTRIES = {
    "reports:cover": page({Role.BOARD_MANAGER}, year_kwargs),
    # Every role that downloads the published PDF; a draft gets a page saying it is not
    # published yet (tests/reports/test_published_page.py).
    "reports:published": page(ALL_ROLES, year_kwargs),
}
