"""The child death panel's kind of action, registered with the board's action tracker in
ChildDeathsConfig.ready: a recommendation's actions link back to its case."""

from board import action_sources
from core.links import board_url

CDOP = "cdop"


def register(app_label: str) -> None:
    action_sources.register(
        CDOP,
        "CDOP recommendation",
        app_label=app_label,
        link=lambda r: board_url(r.board, "child_deaths:cdop-case-detail", case_id=r.case_id),
    )
