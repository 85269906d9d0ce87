"""The report's final steps, each behind a confirmation page: the board's approval (the
chair or the manager) and publication (the manager). A GET only shows the page."""

from . import Rule
from .reports import DRAFT_READERS, MANAGER, _report


def _in_state(state: str):
    def kwargs(context) -> dict:
        report = _report(context)
        report.state = state
        report.save()
        return {"board_slug": context.board.slug, "year": report.year.slug}

    return kwargs


ENTRIES = {
    # In review, with the empty sections of a new report outstanding: the page of what
    # remains and who can clear it.
    "reports:report-approve": Rule(
        "board", roles=frozenset(DRAFT_READERS), kwargs=_in_state("in_review")
    ),
    "reports:report-publish": Rule("board", roles=frozenset(MANAGER), kwargs=_in_state("approved")),
}
