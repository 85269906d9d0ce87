"""The calendar: the month page and the personal iCalendar feed at a secret address."""

import re
from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from board.models import CalendarFeed
from board.services.calendar import calendar_feed_renew
from board.views.calendar import feed_path
from reviews.child_deaths.services.cases import agency_form_request
from tests.board.factories import MeetingFactory
from tests.factories import AgencyFactory
from tests.reviews.child_deaths.factories import notify


def _path(board, name: str) -> str:
    return reverse(name, kwargs={"board_slug": board.slug})


def _feed(client, token: str):
    return client.get(feed_path(token))


def _events(response) -> dict[str, str]:
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["uid"]): str(e["summary"]) for e in calendar.walk("VEVENT")}


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def dated_work(board, today):
    """A meeting next week and a CDOP agency form due in a few days."""
    meeting = MeetingFactory(board=board, date=today + timedelta(days=7), title="Board meeting")
    case = notify(board, date_of_death=today - timedelta(days=30))
    agency = AgencyFactory(board=board, name="Police")
    form = agency_form_request(
        case=case, agency=agency, contact_email="cdop@example.org", requested_on=today
    )
    return meeting, case, form


def test_the_feed_parses_and_holds_the_meetings_and_what_the_roles_may_see(
    db, client, board, cdop_member, board_member, dated_work
):
    meeting, case, form = dated_work
    cdop = _events(_feed(client, calendar_feed_renew(board=board, user=cdop_member)))
    assert cdop[f"meeting-{meeting.pk}@safeguarding-board-manager"] == "Board meeting"
    assert cdop[f"cdop-form-{form.pk}@safeguarding-board-manager"] == "CDOP agency form due"
    # A board member may not open child death records: not even the date is in their feed.
    member = _events(_feed(client, calendar_feed_renew(board=board, user=board_member)))
    assert list(member.values()) == ["Board meeting"]


def test_the_feed_carries_no_case_details(db, client, board, cdop_member, dated_work):
    _meeting, case, _form = dated_work
    response = _feed(client, calendar_feed_renew(board=board, user=cdop_member))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert case.number not in body
    assert case.notified_by not in body


def test_a_renewed_or_revoked_token_is_404(db, client, client_for, board, manager):
    old = calendar_feed_renew(board=board, user=manager)
    new = calendar_feed_renew(board=board, user=manager)
    assert _feed(client, old).status_code == 404
    assert _feed(client, new).status_code == 200
    page = client_for(manager)
    assert page.post(_path(board, "calendar-feed-revoke")).status_code == 302
    assert _feed(client, new).status_code == 404
    assert _feed(client, "made-up").status_code == 404
    assert client.get(reverse("calendar-ics")).status_code == 404


def test_only_the_hash_of_the_token_is_kept(db, board, manager):
    token = calendar_feed_renew(board=board, user=manager)
    feed = CalendarFeed.objects.get(board=board, user=manager)
    assert token not in feed.token_hash and len(feed.token_hash) == 64


def test_making_the_address_asks_first_then_shows_it_once(db, client, client_for, board, viewer):
    page = client_for(viewer)
    asked = page.get(_path(board, "calendar-feed-renew"))
    assert "Make your calendar address?" in asked.content.decode()
    assert not CalendarFeed.objects.filter(user=viewer).exists()
    made = page.post(_path(board, "calendar-feed-renew")).content.decode()
    address = re.search(r'<code id="calendar-address">([^<]+)</code>', made).group(1)
    assert client.get(address).status_code == 200
    again = page.get(_path(board, "calendar-feed")).content.decode()
    assert address not in again  # shown once only


def test_a_person_who_left_the_board_gets_404(db, client, board, manager):
    token = calendar_feed_renew(board=board, user=manager)
    manager.role_assignments.all().delete()
    assert _feed(client, token).status_code == 404


def test_the_month_page_shows_the_dates_and_moves_by_month(
    db, client_for, board, manager, dated_work, today
):
    meeting, _case, _form = dated_work
    month = f"{meeting.date:%Y-%m}"
    page = client_for(manager).get(_path(board, "calendar"), {"month": month})
    text = page.content.decode()
    assert "Board meeting" in text and meeting.date.strftime("%B %Y") in text
    assert 'rel="next"' in text and 'rel="prev"' in text
    # The manager does not sit on the panel: no CDOP form dates.
    assert "CDOP agency form due" not in text


def test_a_month_that_is_not_one_opens_this_month_under_a_banner(db, client_for, board, viewer):
    text = client_for(viewer).get(_path(board, "calendar"), {"month": "2026-1x"}).content.decode()
    assert "“2026-1x” is not a month such as 2026-12" in text
    assert timezone.localdate().strftime("%B %Y") in text


def test_the_access_log_leaves_out_the_query_that_carries_the_key():
    from pathlib import Path

    namespace: dict = {}
    exec((Path(__file__).parents[2] / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102
    assert "%(U)s" in namespace["access_log_format"]
    assert "%(r)s" not in namespace["access_log_format"]
    assert "%(q)s" not in namespace["access_log_format"]
