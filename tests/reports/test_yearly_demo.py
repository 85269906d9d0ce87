"""The demo partnership's yearly report: made only where the partnership board exists,
from the partnership template, every checklist item there but one; safe to run again."""

from board.models import Board, Role
from reports.models import AnnualReport
from reports.yearly.checklist import checklist
from reports.yearly.demo import SLUG, load_partnership
from tests.factories import BoardFactory, user_with_role


def test_nothing_happens_without_the_partnership_board(board):
    lines = []
    load_partnership(lines.append)
    assert lines == [] and not AnnualReport.objects.exists()


def test_the_demo_report_misses_only_the_voice_of_children(db):
    partnership = BoardFactory(name="Croydon Safeguarding Children Partnership", slug=SLUG)
    user_with_role(partnership, Role.BOARD_MANAGER)  # the board demo's manager
    lines = []
    load_partnership(lines.append)
    load_partnership(lines.append)  # again: nothing doubled
    [report] = AnnualReport.objects.filter(board=partnership)
    assert report.is_partnership_yearly
    missing = [row.item.key for row in checklist(report) if not row.satisfied]
    assert missing == ["voice"], checklist(report)
    assert report.sign_offs.count() == 3
    assert len(lines) == 2 and "Yearly Report" in lines[0]
    assert Board.objects.filter(slug=SLUG).count() == 1
