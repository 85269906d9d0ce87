"""The statutory calendar (board/statutory.py): each kind of clock across Christmas,
Easter and the late May and August bank holidays, the timescales behind them, the page's
role filtering and query counts, the one calendar source, and escalation sent once."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from board import statutory, timescales
from board.access import access_for
from board.models import Agency, BoardTimescale, Notification
from board.services.statutory_escalation import board_escalations_send
from board.services.timescales import timescale_set
from reports.models import AnnualReport
from reviews.assurance.models import Inspection, Section11Cycle, Section11Return
from reviews.case_reviews.models import ScrSettings
from subgroups.models import QuarterlyReturn
from tests.reviews.case_reviews.factories import review_for
from tests.reviews.child_deaths.factories import notify, review
from tests.subgroups.factories import subgroup_with_chair


def _clocks(board, kind: str, today: date):
    return list(statutory.get(kind).clocks(board, today))


def _one(board, kind: str, today: date, **match):
    found = [
        c for c in _clocks(board, kind, today) if all(getattr(c, k) == v for k, v in match.items())
    ]
    assert len(found) == 1, found
    return found[0]


def _url(board, name: str) -> str:
    return reverse(name, kwargs={"board_slug": board.slug})


def _jtai(board, start_date: date, title="JTAI: domestic abuse"):
    return Inspection.objects.create(
        board=board, inspectorate="joint", title=title, start_date=start_date
    )


# Each clock across the holidays ---------------------------------------------------------


def test_a_rapid_review_skips_christmas_and_new_year(board):
    # Notified Friday 19 December 2014: 25, 26 December and 1 January are not counted.
    review_for(
        board, review_type="rapid", incident_on=date(2014, 12, 17), notified_on=date(2014, 12, 19)
    )
    clock = _one(board, "case-review", date(2014, 12, 22), rule="Rapid review: 15 working days")
    assert clock.due == date(2015, 1, 14)
    assert clock.status == "running"
    assert clock.source == "Working Together 2023, chapter 5"
    assert clock.subject == "Child M"


def test_a_serious_incident_notification_skips_easter(board):
    # Aware Wednesday 1 April 2015: Good Friday and Easter Monday are not counted.
    review_for(
        board, review_type="rapid", incident_on=date(2015, 4, 1), notified_on=date(2015, 4, 13)
    )
    clock = _one(
        board,
        "case-review",
        date(2015, 4, 13),
        rule="Serious incident notification: 5 working days",
    )
    assert clock.due == date(2015, 4, 10)
    assert clock.status == "missed"  # notified on the 13th


def test_a_quarterly_return_skips_easter(board, subgroup_chair):
    subgroup = subgroup_with_chair(board, subgroup_chair)
    # Q4 2014/15 ends Tuesday 31 March 2015; 20 working days, Easter not counted.
    clock = _one(board, "return", date(2015, 4, 20), subject=f"{subgroup.name}, Q4 2014/15")
    assert clock.due == date(2015, 4, 30)
    assert clock.status == "running"
    assert subgroup_chair.pk in clock.holder_ids
    QuarterlyReturn.objects.create(
        board=board, subgroup=subgroup, period_start=date(2015, 1, 1), status="submitted",
        first_submitted_at=timezone.make_aware(datetime(2015, 4, 29, 12)),
    )  # fmt: skip
    clock = _one(board, "return", date(2015, 5, 20), subject=f"{subgroup.name}, Q4 2014/15")
    assert (clock.stopped_on, clock.status) == (date(2015, 4, 29), "met")


def test_the_return_timescale_is_the_returns_settings_own(board, subgroup_chair):
    subgroup_with_chair(board, subgroup_chair)
    timescale_set(board=board, key="subgroups.return_due", value=25)
    from subgroups.services.groups import returns_settings

    assert returns_settings(board).due_working_days == 25  # one place, never copied
    clock = _one(board, "return", date(2015, 4, 20), subject="Health, Q4 2014/15")
    assert clock.due == date(2015, 5, 8)  # 25 working days, Easter not counted
    assert clock.rule == "25 working days after the quarter ends"


def test_a_jtai_notice_skips_the_late_may_bank_holiday(board):
    # Fieldwork Monday 1 June 2015: ten working days back, 25 May not counted.
    _jtai(board, date(2015, 6, 1))
    clock = _one(board, "jtai", date(2015, 5, 20))
    assert (clock.start, clock.due) == (date(2015, 5, 15), date(2015, 6, 1))
    assert clock.status == "running"
    assert clock.rule == "Fieldwork after 10 working days' notice"


def test_a_jtai_notice_skips_the_august_bank_holiday(board):
    _jtai(board, date(2015, 9, 7))
    clock = _one(board, "jtai", date(2015, 9, 7))
    assert clock.start == date(2015, 8, 21)  # 31 August not counted
    assert (clock.stopped_on, clock.status) == (date(2015, 9, 7), "met")


def test_a_child_death_review_counts_calendar_months_over_christmas(board):
    case = notify(board, date_of_death=date(2014, 6, 25))
    clock = _one(board, "cdop-review", date(2014, 12, 20))
    assert clock.due == date(2014, 12, 25)  # months, so a bank holiday does not move it
    assert clock.status == "due_soon"
    assert clock.subject == f"Case {case.number}"
    review(case, panel_review_on=date(2014, 12, 29))
    assert _one(board, "cdop-review", date(2015, 1, 5)).status == "missed"


def test_section_11_returns_and_the_next_cycle(board):
    agency = Agency.objects.create(board=board, name="Police")
    cycle = Section11Cycle.objects.create(
        board=board, title="2013 audit", kind="biennial",
        opens_on=date(2013, 5, 27), due_on=date(2013, 8, 26),  # late May and August holidays
    )  # fmt: skip
    returned = Section11Return.objects.create(board=board, cycle=cycle, agency=agency)
    clock = _one(board, "section11-returns", date(2013, 8, 27))
    assert (clock.due, clock.status) == (date(2013, 8, 26), "overdue")
    returned.status, returned.submitted_on = "submitted", date(2013, 8, 20)
    returned.save()
    assert _one(board, "section11-returns", date(2013, 8, 27)).status == "met"
    following = _one(board, "section11-cycle", date(2015, 5, 1))
    assert (following.due, following.status) == (date(2015, 5, 27), "running")
    assert following.rule == "A new cycle within 24 months"


def test_the_yearly_report_is_due_twelve_months_after_the_last(board):
    published = timezone.make_aware(datetime(2014, 8, 25, 10))  # August bank holiday
    AnnualReport.objects.create(
        board=board, start_year=2013, title="2013/14", published_at=published
    )
    clock = _one(board, "yearly-report", date(2015, 8, 20))
    assert (clock.start, clock.due, clock.status) == (
        date(2014, 8, 25),
        date(2015, 8, 25),
        "due_soon",
    )
    later = timezone.make_aware(datetime(2015, 7, 1, 10))
    AnnualReport.objects.create(board=board, start_year=2014, title="2014/15", published_at=later)
    first = _one(board, "yearly-report", date(2015, 8, 20), start=date(2014, 8, 25))
    assert (first.stopped_on, first.status) == (date(2015, 7, 1), "met")


# Timescales ------------------------------------------------------------------------------


def test_timescales_read_the_apps_settings_and_boards_own(board, other_board):
    values = timescales.values_for(board)
    assert values["case_reviews.rapid_review"] == 15
    assert values["assurance.jtai_notice"] == 10
    ScrSettings.objects.filter(board=board).update(rapid_review_working_days=10)
    timescale_set(board=board, key="assurance.jtai_notice", value=5)
    values = timescales.values_for(board)
    assert (values["case_reviews.rapid_review"], values["assurance.jtai_notice"]) == (10, 5)
    assert timescales.values_for(other_board)["assurance.jtai_notice"] == 10
    timescale_set(board=board, key="assurance.jtai_notice", value=10)  # back to the default
    assert not BoardTimescale.objects.filter(board=board).exists()  # no row for a default


def test_a_timescale_out_of_range_is_refused(db, board, client_for, manager):
    client = client_for(manager)
    url = reverse(
        "timescale-edit", kwargs={"board_slug": board.slug, "key": "assurance.jtai_notice"}
    )
    response = client.post(url, {"value": "99"})
    assert response.status_code == 200
    assert "Error:" in response.content.decode()
    response = client.post(url, {"value": "ten"})
    assert response.status_code == 200
    assert timescales.value(board, "assurance.jtai_notice") == 10
    assert client.post(url, {"value": "8"}).status_code == 302
    assert timescales.value(board, "assurance.jtai_notice") == 8
    missing = reverse("timescale-edit", kwargs={"board_slug": board.slug, "key": "nope"})
    assert client.get(missing).status_code == 404


def test_the_timescales_page_lists_default_source_and_value(db, board, client_for, manager):
    timescale_set(board=board, key="case_reviews.prepublication_notice", value=10)
    body = client_for(manager).get(_url(board, "timescales")).content.decode()
    assert "Working Together 2023, chapter 5" in body
    assert "10 working days" in body and "Check" in body


# The page --------------------------------------------------------------------------------


@pytest.fixture
def every_kind(board, subgroup_chair):
    today = timezone.localdate()
    review_for(
        board,
        review_type="rapid",
        incident_on=today - timedelta(days=3),
        notified_on=today - timedelta(days=1),
    )
    notify(board, date_of_death=today - timedelta(days=30))
    subgroup_with_chair(board, subgroup_chair)
    _jtai(board, today + timedelta(days=20))
    return today


def _kinds_shown(client, board, **query):
    response = client.get(_url(board, "statutory-calendar"), query)
    assert response.status_code == 200
    return {clock.kind for clock in response.context["page"].object_list}


def test_each_role_sees_only_the_kinds_it_may_read(
    db, board, client_for, every_kind, manager, board_member, cdop_member, scr_member, viewer
):
    assert _kinds_shown(client_for(manager), board) == {"case-review", "return", "jtai"}
    assert _kinds_shown(client_for(board_member), board) == {"jtai"}
    assert _kinds_shown(client_for(cdop_member), board) == {"cdop-review"}
    assert _kinds_shown(client_for(scr_member), board) == {"case-review"}
    assert client_for(viewer).get(_url(board, "statutory-calendar")).status_code == 403
    # Asking for a kind one may not read is an error on the form, never its clocks.
    response = client_for(board_member).get(
        _url(board, "statutory-calendar"), {"kind": "cdop-review"}
    )
    assert "Choose the kind from the list" in response.content.decode()
    assert {c.kind for c in response.context["page"].object_list} == {"jtai"}


def test_the_page_filters_sorts_and_exports(db, board, client_for, every_kind, manager):
    client = client_for(manager)
    assert _kinds_shown(client, board, kind="jtai") == {"jtai"}
    shown = client.get(_url(board, "statutory-calendar"), {"status": "overdue"}).context["page"]
    assert all(clock.status == "overdue" for clock in shown)
    ordered = client.get(_url(board, "statutory-calendar"), {"sort": "-due"}).context["page"]
    dues = [clock.due for clock in ordered]
    assert dues == sorted(dues, reverse=True)
    export = client.get(_url(board, "statutory-export"), {"format": "csv", "kind": "jtai"})
    assert export.status_code == 200
    assert b"JTAI: domestic abuse" in export.content and b"Child M" not in export.content
    assert client.get(_url(board, "statutory-export"), {"format": "pdf"}).status_code == 400
    assert client.get(_url(board, "statutory-export"), {"status": "late"}).status_code == 400


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_runs_the_same_queries_on_a_large_board(
    db, board, client_for, manager, subgroup_chair, django_assert_num_queries
):
    today = timezone.localdate()
    client, url = client_for(manager), _url(board, "statutory-calendar")
    review_for(board, notified_on=today - timedelta(days=2), incident_on=today - timedelta(days=4))
    subgroup_with_chair(board, subgroup_chair)
    _jtai(board, today + timedelta(days=3))
    small = _queries(client, url)
    for n in range(6):
        review_for(board, reference=f"Child {n}", notified_on=today, incident_on=today)
        subgroup_with_chair(board, subgroup_chair, name=f"Group {n}")
        _jtai(board, today + timedelta(days=n), title=f"JTAI {n}")
    with django_assert_num_queries(small):
        assert client.get(url).status_code == 200


# The calendar ----------------------------------------------------------------------------


def test_the_calendar_shows_each_due_date_once_titled_by_kind(
    db, board, client_for, manager, subgroup_chair
):
    today = timezone.localdate()
    for name in ("Health", "Education", "Police"):
        subgroup_with_chair(board, subgroup_chair, name=name)
    review_for(board, review_type="rapid", notified_on=today, incident_on=today)
    access = access_for(manager, board)
    events = list(
        statutory.calendar_events(
            board, access, today - timedelta(days=400), today + timedelta(days=400)
        )
    )
    returns = [e for e in events if e.title == "Quarterly return due"]
    assert len(returns) == len({e.day for e in returns})  # one a day, not one per sub-group
    assert all("Child M" not in e.title for e in events)
    from board.calendar_sources import _sources

    assert "returns-due" not in _sources and "review-clocks" not in _sources


# Escalation ------------------------------------------------------------------------------


def test_escalation_warns_the_holders_once_and_the_manager_and_chair_when_overdue(
    db, board, manager, chair, subgroup_chair, board_member
):
    today = timezone.localdate()
    inspection = _jtai(board, today + timedelta(days=5))
    assert board_escalations_send(board=board, today=today) == 1  # the manager, warned
    assert board_escalations_send(board=board, today=today) == 0  # once
    warned = Notification.objects.get(board=board, kind="statutory_due_soon")
    assert warned.recipient == manager
    assert str(inspection.pk) in warned.once_key
    # Overdue: Section 11 returns past their date go to the holder, the manager and chair.
    agency = Agency.objects.create(board=board, name="Health")
    cycle = Section11Cycle.objects.create(
        board=board, title="Round", kind="annual", opens_on=today - timedelta(days=60),
        due_on=today - timedelta(days=1),
    )  # fmt: skip
    Section11Return.objects.create(board=board, cycle=cycle, agency=agency)
    assert board_escalations_send(board=board, today=today) == 2
    told = set(
        Notification.objects.filter(kind="statutory_overdue").values_list("recipient", flat=True)
    )
    assert told == {manager.pk, chair.pk}
    assert board_escalations_send(board=board, today=today + timedelta(days=1)) == 0


def test_escalation_leaves_out_what_the_apps_remind_themselves(
    db, board, manager, chair, subgroup_chair
):
    subgroup_with_chair(board, subgroup_chair)
    review_for(
        board, review_type="rapid", notified_on=date(2015, 4, 13), incident_on=date(2015, 4, 1)
    )
    # Q4 2014/15's return is due on 30 April: the chair is reminded by the sub-groups'
    # own reminders, so the calendar warns nobody; once overdue the manager and chair hear.
    assert board_escalations_send(board=board, today=date(2015, 4, 27)) == 0
    board_escalations_send(board=board, today=date(2015, 5, 1))
    told = set(Notification.objects.filter(board=board).values_list("recipient", "kind"))
    assert told == {(manager.pk, "statutory_overdue"), (chair.pk, "statutory_overdue")}
    # Case reviews' clocks are alerted by the register (ClockAlert), never twice.
    assert not Notification.objects.filter(link__contains="case-reviews").exists()
