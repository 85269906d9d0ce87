"""The send-on clock: started at publication, 7 days (a setting) to send the yearly report
to the Panel and to Foundations, counted in calendar days; on the report page, the home
page and the calendar; the board managers told at publication."""

import datetime

from django.urls import reverse
from django.utils import timezone

from board.access import access_for
from board.calendar_sources import events_for
from board.clock_status import DUE_SOON, MET, MISSED, OVERDUE, RUNNING
from board.models import Notification
from reports import services
from reports.models import AnnualReport, ReportState
from reports.yearly import services as yearly
from reports.yearly.clock import clocks_for, due_date, open_clocks
from reports.yearly.home import send_on_waiting
from reports.yearly.models import SendOnRecipient, YearlyReportSettings
from tests.forms import date_parts

from .factories import YEAR
from .yearly_factories import complete_report

PUBLISHED = datetime.date(2015, 7, 3)  # a Friday


def published(board, on=PUBLISHED) -> AnnualReport:
    report = complete_report(board)
    report.state = ReportState.PUBLISHED
    report.published_at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    report.save()
    return report


def statuses(report, today, days=7):
    return [clock.status for clock in clocks_for(report, days, today, warn=3)]


def test_new_boards_get_the_default_of_seven_days(board):
    assert YearlyReportSettings.objects.get(board=board).send_on_days == 7


def test_the_seventh_day_is_the_last_day_whatever_the_weekend(board):
    assert due_date(PUBLISHED, 7) == datetime.date(2015, 7, 10)
    # Published before the August bank holiday weekend: calendar days, not working days.
    assert due_date(datetime.date(2015, 8, 28), 7) == datetime.date(2015, 9, 4)
    report = published(board)
    assert statuses(report, datetime.date(2015, 7, 6)) == [RUNNING, RUNNING]
    assert statuses(report, datetime.date(2015, 7, 10)) == [DUE_SOON, DUE_SOON]
    assert statuses(report, datetime.date(2015, 7, 11)) == [OVERDUE, OVERDUE]


def test_sent_on_the_last_day_is_on_time_and_the_day_after_is_late(board, manager):
    report = published(board)
    yearly.send_on_record(report=report, recipient=SendOnRecipient.PANEL,
                          sent_on=datetime.date(2015, 7, 10), by=manager)  # fmt: skip
    yearly.send_on_record(report=report, recipient=SendOnRecipient.FOUNDATIONS,
                          sent_on=datetime.date(2015, 7, 11), by=manager)  # fmt: skip
    assert statuses(report, datetime.date(2015, 8, 1)) == [MET, MISSED]


def test_the_setting_moves_the_deadline(board):
    report = published(board)
    assert statuses(report, datetime.date(2015, 7, 12), days=10) == [DUE_SOON, DUE_SOON]


def test_no_clock_before_publication_nor_for_an_annual_report(board):
    report = complete_report(board)
    assert clocks_for(report, 7, datetime.date(2015, 7, 1)) == []


def test_home_card_and_calendar_show_what_is_still_to_send(board, manager, chair):
    report = published(board)
    yearly.send_on_record(report=report, recipient=SendOnRecipient.PANEL, sent_on=PUBLISHED,
                          by=manager)  # fmt: skip
    today = datetime.date(2015, 7, 11)
    assert [(r.pk, c.recipient) for r, c in open_clocks(board, today)] == [
        (report.pk, SendOnRecipient.FOUNDATIONS)
    ]
    lines = send_on_waiting(board, access_for(manager, board), today)
    assert [line.count for line in lines] == [1, 0]
    assert lines[0].href == reverse(
        "reports:report", kwargs={"board_slug": board.slug, "year": YEAR.slug}
    )
    events = events_for(access_for(chair, board), datetime.date(2015, 7, 1),
                        datetime.date(2015, 7, 31))  # fmt: skip
    # From the statutory calendar (reports/statutory.py): only the clock still open.
    mine = [e for e in events if "yearly-report-send-on" in e.uid]
    assert [(e.day, e.title) for e in mine] == [
        (datetime.date(2015, 7, 10), "Yearly report send-on due")
    ]


def test_publication_tells_the_board_managers(board, manager):
    report = complete_report(board)
    for state in ("in_review", "approved"):
        report.state = state
        report.save()
    services.report_transition(report=report, to="published", by=manager)
    told = Notification.objects.filter(board=board, kind="yearly_report_send_on")
    assert [n.recipient for n in told] == [manager]


def test_the_report_page_shows_the_clock_and_records_a_date(board, manager, client_for):
    report = published(board, on=timezone.localdate())
    client = client_for(manager)
    page = client.get(
        reverse("reports:report", kwargs={"board_slug": board.slug, "year": YEAR.slug})
    ).content.decode()
    assert 'id="send-on"' in page and "Record the date sent" in page
    url = reverse("reports:yearly-send-on", kwargs={"board_slug": board.slug, "year": YEAR.slug})
    today = timezone.localdate()
    data = {"recipient": "panel", **date_parts("sent_on", today)}
    assert client.post(url, data).status_code == 302
    assert report.send_ons.get().sent_on == today
