"""At a phone's width (375 px) the board's wide tables scroll inside themselves: the page
never scrolls sideways (it did: attendance was 807 px wide)."""

import datetime

import pytest
from django.utils import timezone

from core.periods import FinancialYear
from tests.board.factories import MeetingFactory, MembershipFactory
from tests.factories import AgencyFactory

pytestmark = pytest.mark.browser


def test_attendance_actions_budget_and_calendar_fit_a_phone(page, sign_in, manager, board):
    year = FinancialYear.containing(timezone.localdate())
    agency = AgencyFactory(board=board, name="South London and Maudsley NHS Foundation Trust")
    MembershipFactory(board=board, agency=agency, start_date=year.start)
    MeetingFactory(board=board, date=year.start + datetime.timedelta(days=3))
    sign_in(manager)
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("meetings/attendance/", "actions/", "budget/", "calendar/"):
        page.goto(f"/boards/{board.slug}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width} px wide at 375 px"
