"""The partnership yearly report's pages: the lead partners' sign-off and the send-on
dates (the board manager), the scrutineer's assessment (the scrutineer or the manager)."""

from board.models import Role

from . import Rule

MANAGER = {Role.BOARD_MANAGER}


def _yearly(context) -> dict:
    if not hasattr(context, "yearly_report"):
        from core.periods import FinancialYear
        from reports.services import report_create, template_copy_builtin

        template = template_copy_builtin(board=context.board, key="partnership-yearly")
        context.yearly_report = report_create(
            board=context.board, year=FinancialYear(2016), template=template
        )
    return {"board_slug": context.board.slug, "year": context.yearly_report.year.slug}


ENTRIES = {
    "reports:yearly-sign-off": Rule("board", roles=frozenset(MANAGER), kwargs=_yearly),
    "reports:yearly-scrutiny": Rule(
        "board", roles=frozenset(MANAGER | {Role.SCRUTINEER}), kwargs=_yearly
    ),
    "reports:yearly-send-on": Rule("board", roles=frozenset(MANAGER), kwargs=_yearly),
}
