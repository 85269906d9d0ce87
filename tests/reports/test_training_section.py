"""The learning and development section: the year's courses and sessions, attendees per
course and agency with every total computed from the same cells, average evaluation
scores rounded half-up, and a note that the figures come from recorded attendance."""

import datetime
from decimal import Decimal

from board.models import Course, SessionEvaluation, TrainingSession
from board.services.training import attendance_record, evaluation_save
from reports.rendering import gather_section, render_pdf, render_section_html
from tests.factories import AgencyFactory

from .factories import pdf_pages, report_for


def session(board, course, day):
    return TrainingSession.objects.create(board=board, course=course, date=day, place="Hall")


def evaluate(held, end, follow_up=None):
    evaluation_save(
        instance=SessionEvaluation(
            board=held.board,
            session=held,
            end_score=Decimal(end),
            follow_up_score=None if follow_up is None else Decimal(follow_up),
        )
    )


def programme(board):
    """Two courses, three sessions in 2014/15 and one in 2015/16, two agencies."""
    police = AgencyFactory(board=board, name="Police")
    schools = AgencyFactory(board=board, name="Schools")
    level3 = Course.objects.create(board=board, title="Level 3 safeguarding", level="level_3",
                                   delivery="face_to_face")  # fmt: skip
    prevent = Course.objects.create(board=board, title="Prevent", level="level_2",
                                    delivery="face_to_face")  # fmt: skip
    first = session(board, level3, datetime.date(2014, 9, 10))
    attendance_record(board=board, session=first, agency=police, attendees=12)
    attendance_record(board=board, session=first, agency=schools, attendees=30)
    second = session(board, level3, datetime.date(2015, 3, 31))
    attendance_record(board=board, session=second, agency=schools, attendees=7)
    third = session(board, prevent, datetime.date(2014, 4, 1))
    attendance_record(board=board, session=third, agency=police, attendees=5)
    later = session(board, prevent, datetime.date(2015, 4, 1))
    attendance_record(board=board, session=later, agency=police, attendees=100)
    evaluate(first, "4.4", "4.0")
    evaluate(second, "4.5")  # Level 3: (4.4 + 4.5) / 2 = 4.45, half-up 4.5
    evaluate(third, "3.9", "4.3")
    evaluate(later, "1.0", "1.0")  # another year: not counted


def gathered(board):
    report = report_for(board, template_key="annual-review")
    return report, gather_section(report, report.sections.get(section_type="training"))


def test_totals_are_computed_from_the_same_cells(board):
    programme(board)
    _, item = gathered(board)
    data = item.data
    assert data["agencies"] == ["Police", "Schools"]
    rows = {row["title"]: row for row in data["rows"]}
    assert rows["Level 3 safeguarding"]["cells"] == [12, 37]
    assert rows["Level 3 safeguarding"]["total"] == 49
    assert rows["Prevent"]["cells"] == [5, 0] and rows["Prevent"]["total"] == 5
    assert data["column_totals"] == [17, 37]
    assert data["total"] == 54 == sum(data["column_totals"])
    assert data["total"] == sum(row["total"] for row in rows.values())
    assert data["sessions"] == 3


def test_average_scores_are_rounded_half_up(board):
    programme(board)
    _, item = gathered(board)
    rows = {row["title"]: row for row in item.data["rows"]}
    assert rows["Level 3 safeguarding"]["average_end"] == Decimal("4.5")  # 4.45, half-up
    assert rows["Level 3 safeguarding"]["average_follow_up"] == Decimal("4.0")
    assert item.data["average_end"] == Decimal("4.3")  # (4.4 + 4.5 + 3.9) / 3 = 4.2666...
    assert item.data["average_follow_up"] == Decimal("4.2")  # (4.0 + 4.3) / 2 = 4.15, half-up


def test_the_pdf_prints_the_computed_totals_and_says_where_they_come_from(board):
    programme(board)
    report, item = gathered(board)
    html = render_section_html(report, item)
    assert "Figures come from the attendance recorded for each session" in html
    text = " ".join("\n".join(pdf_pages(render_pdf(report)[0])).split())
    assert "ran 3 sessions of 2 courses, with 54 attendees recorded" in text
    assert "Level 3 safeguarding 12 37 49" in text
    assert "Prevent 5 0 5" in text
    assert "Total 17 37 54" in text
    assert "All sessions 3 4.3 4.2" in text
    assert "Figures come from the attendance recorded for each session" in text


def test_a_year_without_sessions_says_so(board, other_board):
    programme(other_board)
    report, item = gathered(board)
    assert item.data["rows"] == [] and item.data["total"] == 0
    assert "No training sessions are recorded for 2014/15" in render_section_html(report, item)
