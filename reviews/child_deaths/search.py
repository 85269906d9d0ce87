"""What the panel adds to the board's search (board/search.py): CDOP case numbers, for
CDOP roles only. Nothing else of a case is searched (a case has no name, and what the
panel wrote about a child is not for a search box); each number a results page shows is
logged as a read of the case."""

from board import search
from core.links import board_url

from .models import CdopCase
from .selectors import CDOP_ROLES


def register() -> None:
    search.register(
        "cdop_cases",
        "CDOP case",
        queryset=lambda board: CdopCase.objects.current(),  # a removed case is not found
        fields=["number"],
        link=lambda board, case: board_url(board, "child_deaths:cdop-case-detail", case_id=case.pk),
        describe=lambda case: f"Notified {case.notified_on:%-d %B %Y}, {case.stage.lower()}",
        roles=CDOP_ROLES,
        restricted=True,
        order=70,
    )
