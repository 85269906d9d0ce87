from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from board.models import (
    Action,
    Attendance,
    Board,
    ExpenditureLine,
    IncomeLine,
    Meeting,
    Membership,
    Objective,
    RoleGrant,
)
from board.selectors.budget import budget_for_year
from board.selectors.meetings import attendance_rates
from core.periods import FinancialYear

MODELS = [
    Membership,
    Meeting,
    Attendance,
    Objective,
    Action,
    ExpenditureLine,
    IncomeLine,
    RoleGrant,
]


def load() -> dict:
    call_command("load_demo", stdout=StringIO())
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_board_has_members_meetings_a_plan_and_both_budget_years(db):
    first = load()
    assert load() == first  # idempotent
    board = Board.objects.get(slug="croydon")
    assert first["Membership"] >= 18
    # The 2014/15 history's meetings (the current year's are board/demo_live.py's).
    assert Meeting.objects.filter(board=board, date__year__lt=2016).count() == 7
    assert Objective.objects.filter(board=board, priority__year=2014).count() == 4
    assert budget_for_year(board, FinancialYear(2014)).income_actual == Decimal("352902")
    assert budget_for_year(board, FinancialYear(2013)).expenditure_outturn == Decimal("368624")
    rates = attendance_rates(board, FinancialYear(2014))
    assert rates.meeting_count == 5
    chair = Membership.objects.get(board=board, board_role="independent_chair")
    assert chair.chair_is_independent and chair.appointment_agreed_by.exists()
