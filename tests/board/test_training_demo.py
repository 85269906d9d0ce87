"""The demo learning and development programme: each course's attendees are the figures
of the 2014/15 annual review's "attendees to date" table, and the app's totals are the sums
of the recorded attendance, whatever the report's text says."""

from decimal import Decimal

from board import demo, training_demo
from board.models import Course, SessionAttendance, SessionEvaluation, TrainingSession
from board.selectors.training import year_summary
from core.periods import FinancialYear

# "NAME OF EVENT / ATTENDEES TO DATE", section 10 c (i) of the 2014/15 annual review.
PUBLISHED = {
    "CSE/OP RAPTOR": 60,
    "CSE/GANGS": 24,
    "SERIOUS CASE REVIEWS": 244,
    "LEVEL 3 SAFEGUARDING": 262,
    "DA & SEXUAL VIOLENCE": 56,
    "DA, HBV (DASH)": 29,
    "CHILD TRAFFICKING": 20,
    "PREVENT": 81,
    "CSCB CONFERENCE": 186,
    "PRIVATE FOSTERING CONFERENCE": 47,
    "CAPI CONFERENCE (PARENTS IN PRISON)": 83,
    "SYSTEMIC PRACTICE": 29,
    "FABRICATED INDUCED ILLNESS": 77,
    "ENGAGING MEN": 21,
    "INTRODUCTORY ONLINE SAFEGUARDING": 1600,
}
MODELS = [Course, TrainingSession, SessionAttendance, SessionEvaluation]


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_duplicates_nothing(db):
    board = demo.load(lambda line: None)
    first = counts()
    training_demo.load(board)
    assert counts() == first
    assert first["Course"] == 15 and first["TrainingSession"] == 51


def test_each_course_has_its_published_attendees_and_the_totals_agree(db):
    board = demo.load(lambda line: None)
    summary = year_summary(board, FinancialYear(2014))
    by_title = {row.course.title: row.total for row in summary.rows}
    titles = {published: title for published, title, *_rest in training_demo.COURSES}
    assert set(titles) == set(PUBLISHED)
    for published, attendees in PUBLISHED.items():
        assert by_title[titles[published]] == attendees, published
    for row in summary.rows:
        assert row.total == sum(row.cells)
    assert sum(summary.column_totals) == summary.total == sum(by_title.values())
    # The published table prints no total; its rows add up to 2,819. The review's text
    # says "approximately 660 people" attended from September 2014 to March 2015: a
    # different figure (even without the 1,600 online learners the rows make 1,219). The
    # app prints neither typed figure: its total is the sum of the recorded attendance.
    assert summary.total == 2819, (
        "the app's total is the sum of the recorded attendance (the table's rows make "
        "2,819), not the review's 'approximately 660'"
    )


def test_average_scores_are_rounded_half_up(db):
    board = demo.load(lambda line: None)
    summary = year_summary(board, FinancialYear(2014))
    level_3 = next(row for row in summary.rows if row.course.title == "Level 3 safeguarding")
    assert level_3.end_sum / level_3.end_count == Decimal("4.65")
    assert level_3.average_end_score == Decimal("4.7")  # half-up; half-even would give 4.6
    assert summary.average_end_score is not None
    assert summary.average_follow_up_score is not None


def test_the_shares_add_up_to_the_whole():
    assert training_demo.split(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(training_demo.split(1600, list(training_demo.AGENCY_WEIGHTS.values()))) == 1600
