from io import StringIO

from django.core.management import call_command

from board.models import Board, Role, RoleAssignment, User
from core.periods import FinancialYear
from subgroups.models import QuarterlyReturn, ReturnEvent, ReturnStatus
from subgroups.selectors import answers, approved_returns


def test_the_demo_has_2014_15_returns_in_mixed_states_and_loads_twice_unchanged(db):
    call_command("load_demo", stdout=StringIO())
    board = Board.objects.get(slug="croydon")
    states = set(QuarterlyReturn.objects.filter(board=board).values_list("status", flat=True))
    assert {
        ReturnStatus.APPROVED,
        ReturnStatus.SUBMITTED,
        ReturnStatus.RETURNED,
        ReturnStatus.DRAFT,
    } <= states
    counts = (QuarterlyReturn.objects.count(), ReturnEvent.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (QuarterlyReturn.objects.count(), ReturnEvent.objects.count()) == counts
    cdop = approved_returns(board, FinancialYear(2014)).filter(
        subgroup__name="Child Death Overview Panel"
    )
    question, answer = answers(cdop.first())[0]
    assert question == "Achievements and key issues" and "five-year analysis" in answer
    chair = User.objects.get(email="subgroup-chair@demo.lscb.example")
    assert RoleAssignment.objects.filter(user=chair, board=board, role=Role.SUBGROUP_CHAIR).exists()
