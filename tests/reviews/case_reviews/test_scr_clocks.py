"""Every statutory clock: its deadline (months or working days, bank holidays skipped),
its status, the board's own settings, and the alerts before and after it runs out."""

from datetime import date

import pytest
from django.core import mail

from reviews.case_reviews.clocks import clocks_for
from reviews.case_reviews.models import ClockAlert
from reviews.case_reviews.services.alerts import scr_clock_alerts_send
from reviews.case_reviews.services.reviews import (
    milestone_add,
    scr_settings,
    scr_settings_update,
)
from tests.mail_jobs import run_now

from .factories import initiated_review, review_for


def clock(review, key, today):
    settings = scr_settings(board=review.board)
    return {c.key: c for c in clocks_for(review, settings, today)}[key]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "today, status",
    [
        (date(2014, 3, 20), "running"),
        (date(2014, 3, 30), "due_soon"),
        (date(2014, 4, 6), "overdue"),
    ],
)
def test_the_decision_is_due_one_month_after_the_notification(board, today, status):
    review = review_for(board)  # notified 5 March 2014, no decision yet
    decision = clock(review, "decision", today)
    assert decision.deadline == date(2014, 4, 5)
    assert decision.status == status
    assert decision.elapsed == (today - date(2014, 3, 5)).days


def test_a_decision_in_time_meets_the_clock_and_a_late_one_misses_it(board):
    assert clock(initiated_review(board), "decision", date(2014, 5, 1)).status == "met"
    late = initiated_review(board, reference="Child Q", decision_on=date(2014, 4, 7))
    missed = clock(late, "decision", date(2014, 5, 1))
    assert missed.status == "missed" and missed.elapsed == 33


def test_completion_is_due_six_months_after_initiation_and_stops_at_sign_off(board):
    review = initiated_review(board)  # initiated 28 March 2014
    completion = clock(review, "completion", date(2014, 9, 1))
    assert completion.deadline == date(2014, 9, 28) and completion.status == "running"
    assert clock(review, "completion", date(2014, 10, 1)).status == "overdue"
    milestone_add(review=review, kind="draft_report", actual_on=date(2014, 8, 1))
    milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 9, 20))
    review.refresh_from_db()
    assert clock(review, "completion", date(2015, 1, 1)).status == "met"


def test_notification_is_due_five_working_days_after_the_incident_skipping_easter(board):
    # Thursday 2 April 2015; Good Friday and Easter Monday are bank holidays.
    review = review_for(board, incident_on=date(2015, 4, 2), notified_on=date(2015, 4, 13))
    notification = clock(review, "notification", date(2015, 5, 1))
    assert notification.deadline == date(2015, 4, 13)
    assert notification.status == "met" and notification.elapsed == 5
    late = review_for(
        board, reference="Child Q", incident_on=date(2015, 4, 2), notified_on=date(2015, 4, 14)
    )
    assert clock(late, "notification", date(2015, 5, 1)).status == "missed"


def test_a_rapid_review_is_due_fifteen_working_days_after_notification_over_christmas(board):
    review = review_for(
        board, review_type="rapid", incident_on=date(2014, 12, 19), notified_on=date(2014, 12, 22)
    )
    rapid = clock(review, "rapid_review", date(2015, 1, 9))
    # 25, 26 December and 1 January are bank holidays, and weekends are skipped.
    assert rapid.deadline == date(2015, 1, 15)
    assert rapid.elapsed == 11 and rapid.status == "due_soon"
    milestone_add(review=review, kind="rapid_review", actual_on=date(2015, 1, 14))
    review.refresh_from_db()
    assert clock(review, "rapid_review", date(2015, 2, 1)).status == "met"


def test_the_rapid_review_clock_applies_to_2018_arrangements_only(board):
    review = review_for(board)
    settings = scr_settings(board=board)
    assert "rapid_review" not in {c.key for c in clocks_for(review, settings, date(2014, 4, 1))}


def test_each_board_sets_its_own_clocks(board, other_board):
    scr_settings_update(board=board, decision_months=2, notification_working_days=10)
    review = review_for(board)
    assert clock(review, "decision", date(2014, 4, 1)).deadline == date(2014, 5, 5)
    assert clock(review_for(other_board), "decision", date(2014, 4, 1)).deadline == date(2014, 4, 5)


@pytest.mark.django_db
def test_alerts_go_before_and_after_a_deadline_once_each(board, scr_member, manager, settings):
    settings.SERVICE_URL = "https://lscb.example.org"
    review = review_for(board)  # decision due 5 April 2014
    assert run_now(scr_clock_alerts_send, today=date(2014, 3, 10)) == 0
    assert run_now(scr_clock_alerts_send, today=date(2014, 3, 31)) >= 1
    assert run_now(scr_clock_alerts_send, today=date(2014, 4, 1)) == 0  # already sent: idempotent
    before = mail.outbox[-1]  # one e-mail for each person told
    assert sorted(m.to[0] for m in mail.outbox) == sorted([scr_member.email, manager.email])
    link = f"https://lscb.example.org/boards/{board.slug}/reviews/case-reviews/{review.pk}/"
    assert link in before.body
    assert "Child M" not in before.body and "Child M" not in before.subject
    run_now(scr_clock_alerts_send, today=date(2014, 4, 7))
    assert run_now(scr_clock_alerts_send, today=date(2014, 4, 8)) == 0
    stages = set(
        ClockAlert.objects.filter(review=review, clock="decision").values_list("stage", flat=True)
    )
    assert stages == {"before", "after"}


def test_a_met_clock_raises_no_alert(board, scr_member):
    initiated_review(board, incident_on=date(2014, 3, 3), notified_on=date(2014, 3, 5))
    run_now(scr_clock_alerts_send, today=date(2014, 4, 10))
    assert not ClockAlert.objects.filter(clock="decision").exists()


def test_notification_over_the_late_may_bank_holiday(board):
    # Friday 22 May 2015; Monday 25 May is the spring bank holiday.
    review = review_for(board, incident_on=date(2015, 5, 22), notified_on=date(2015, 5, 29))
    notification = clock(review, "notification", date(2015, 6, 10))
    assert notification.deadline == date(2015, 6, 1)
    assert notification.status == "met" and notification.elapsed == 4


def test_a_rapid_review_over_the_august_bank_holiday(board):
    # Notified Friday 21 August 2015; Monday 31 August is the summer bank holiday.
    review = review_for(
        board, review_type="rapid", incident_on=date(2015, 8, 19), notified_on=date(2015, 8, 21)
    )
    assert clock(review, "rapid_review", date(2015, 8, 24)).deadline == date(2015, 9, 14)


def practice_review(board, **milestones):
    review = initiated_review(
        board, reference="Child P", review_type="lcspr", decision_on=date(2015, 1, 9)
    )
    for kind, (planned, actual) in milestones.items():
        published = kind == "publication" and actual
        web = {"web_address": "https://example.org/child-p"} if published else {}
        milestone_add(review=review, kind=kind, planned_on=planned, actual_on=actual, **web)
    review.refresh_from_db()
    return review


def test_a_practice_review_is_published_within_six_months_of_the_decision(board):
    review = practice_review(board)
    publication = clock(review, "publication", date(2015, 6, 1))
    assert publication.deadline == date(2015, 7, 9) and publication.status == "running"
    assert clock(review, "publication", date(2015, 7, 10)).status == "overdue"
    assert "prepublication_notice" not in {
        c.key for c in clocks_for(review, scr_settings(board=board), date(2015, 6, 1))
    }  # no publication date yet: no notice clock


def test_the_notice_before_publication_counts_working_days_back_over_easter(board):
    # Publication planned for Thursday 9 April 2015: 7 working days before it, skipping
    # Easter Monday (6 April) and Good Friday (3 April), is Friday 27 March.
    review = practice_review(board, publication=(date(2015, 4, 9), None))
    notice = clock(review, "prepublication_notice", date(2015, 3, 10))
    assert notice.deadline == date(2015, 3, 27)
    assert notice.status == "running"
    assert notice.elapsed_label == (
        "due by 27 Mar 2015, 7 working days before publication on 9 Apr 2015"
    )
    assert clock(review, "prepublication_notice", date(2015, 3, 28)).status == "overdue"


def test_a_late_notice_misses_and_the_board_sets_its_own_notice_period(board):
    review = practice_review(
        board,
        draft_report=(None, date(2015, 3, 1)),
        board_sign_off=(None, date(2015, 3, 20)),
        prepublication_notice=(None, date(2015, 4, 1)),
        publication=(None, date(2015, 4, 9)),
    )
    assert clock(review, "prepublication_notice", date(2015, 5, 1)).status == "missed"
    scr_settings_update(board=board, prepublication_notice_working_days=4)
    # 4 working days before 9 April 2015 (Easter Monday, 6 April, skipped) is 1 April.
    notice = clock(review, "prepublication_notice", date(2015, 5, 1))
    assert notice.deadline == date(2015, 4, 1) and notice.status == "met"
    assert notice.elapsed_label == "given 4 working days before publication on 9 Apr 2015"
    assert clock(review, "publication", date(2015, 5, 1)).status == "met"
