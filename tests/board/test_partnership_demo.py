"""The demo's partnership board, made by the board's own demo step (the other apps'
demo modules look it up by slug)."""

from board import demo_partnership, partners
from board.models import Board, Challenge, Role, ScrutinyFinding


def test_the_partnership_demo_board_and_its_scrutiny(db):
    lines = []
    demo_partnership.load(lines.append)
    demo_partnership.load(lines.append)  # again: nothing doubles
    board = Board.objects.get(slug="croydon-partnership")
    assert board.name == "Croydon Safeguarding Children Partnership (illustrative)"
    assert board.arrangement_on(board.partnership_since).value == "partnership"
    assert str(board.partnership_since) == "2019-09-29"
    leads = [agency.name for agency in partners.lead_partners(board)]
    assert leads == ["Croydon Council", "Metropolitan Police", "NHS South West London ICB"]
    assert partners.delegated_partners(board).count() == 3
    assert partners.relevant_agencies(board).count() == 4
    roles = set(board.role_assignments.values_list("role", flat=True))
    assert {Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR, Role.SCRUTINEER} <= roles
    findings = ScrutinyFinding.objects.filter(board=board)
    assert findings.count() == 2
    assert findings.filter(challenge__isnull=False).count() == 1
    assert Challenge.objects.filter(board=board).count() == 1
