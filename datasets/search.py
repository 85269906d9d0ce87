"""What the dataset adds to the board's search (board/search.py): its indicators, by code,
name, definition and theme, for every board role (the indicator pages are open to all)."""

from board import search
from core.links import board_url

from .models import Indicator


def register() -> None:
    search.register(
        "indicators",
        "Indicator",
        queryset=lambda board: Indicator.objects.all(),
        fields=["name", "code", "definition", "theme"],
        link=lambda board, indicator: board_url(
            board, "datasets:indicator-detail", pk=indicator.pk
        ),
        describe=lambda indicator: f"{indicator.theme}: {indicator.code}",
        order=40,
    )
