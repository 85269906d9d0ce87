"""Sections drawn from the board app: budget totals are the sum of their parts,
attendance rates by the board's rule, the meeting calendar, the business plan."""

import datetime
import re
from decimal import Decimal

from reports.rendering import render_pdf
from tests.board.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    ExpenditureLineFactory,
    IncomeLineFactory,
    MeetingFactory,
    MembershipFactory,
    ObjectiveFactory,
)

from .factories import pdf_pages, report_for


def test_budget_totals_equal_their_parts(board):
    for item, budget, outturn in [("Chair", "30000.00", "31250.50"), ("Manager", "50000", "48000")]:
        ExpenditureLineFactory(board=board, heading="Staffing", item=item,
                               budget=Decimal(budget), outturn=Decimal(outturn))  # fmt: skip
    ExpenditureLineFactory(board=board, heading="Training", item="Courses",
                           budget=Decimal("10000"), outturn=Decimal("9000"))  # fmt: skip
    IncomeLineFactory(board=board, actual=Decimal("60000"), budget=Decimal("60000"))
    IncomeLineFactory(board=board, actual=Decimal("30000"), budget=Decimal("30000"))
    text = "\n".join(pdf_pages(render_pdf(report_for(board, template_key="annual-review"))[0]))
    # A negative figure has the minus sign (−), as money already had, not a hyphen.
    assert "Staffing subtotal 80,000 79,250.5 −749.5" in text
    assert "Total expenditure 90,000 88,250.5 −1,749.5" in text  # 79,250.50 + 9,000
    assert "Total income 90,000 90,000 0" in text
    assert "Surplus: £1,749.5" in text


def test_attendance_is_shown_by_the_boards_rule(board):
    membership = MembershipFactory(board=board)
    for day, status in [
        (datetime.date(2014, 5, 1), "present"),
        (datetime.date(2014, 9, 1), "apologies"),
    ]:
        AttendanceFactory(board=board, membership=membership, status=status,
                          meeting=MeetingFactory(board=board, kind="board", date=day))  # fmt: skip
    text = "\n".join(pdf_pages(render_pdf(report_for(board, template_key="annual-review"))[0]))
    assert re.search(rf"{re.escape(membership.agency.name)} 1 of 2 50%", text)


def test_the_calendar_lists_the_years_meetings_and_their_agenda(board):
    meeting = MeetingFactory(board=board, kind="board", date=datetime.date(2014, 7, 3))
    AgendaItemFactory(board=board, meeting=meeting, position=1, title="Annual report <draft>")
    text = "\n".join(pdf_pages(render_pdf(report_for(board))[0]))
    assert "3 Jul 2014" in text and "Annual report <draft>" in text


def test_the_business_plan_shows_we_said_we_did_and_impact(board):
    ObjectiveFactory(board=board, we_said="Train staff", we_did="Trained 200", impact="Better")
    text = "\n".join(pdf_pages(render_pdf(report_for(board, template_key="annual-review"))[0]))
    assert "Train staff Trained 200 Better" in text
