"""The board's calendar: a month page (meetings and the statutory dates the person may
see) and the same dates as a personal iCalendar feed at a secret address, which the person
makes, renews and revokes here. The feed is read by calendar apps, which cannot sign in:
the token in its address is the only key, so it is kept hashed and the feed answers 404
for a token that is not (or no longer) one, never saying which."""

import calendar
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

import icalendar
from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django_scopes import scope, scopes_disabled

from core.confirm import confirm_page
from core.links import board_url

from ..access import access_for, board_view
from ..calendar_sources import CalendarEvent, events_for
from ..models import CalendarFeed
from ..models.calendar import token_hash
from ..services.calendar import calendar_feed_renew, calendar_feed_revoke
from .base import READ

# What the feed carries: a little of the past, and the coming year and a bit.
FEED_PAST, FEED_AHEAD = relativedelta(months=3), relativedelta(months=15)


def _month_from_query(request: HttpRequest, today: date) -> tuple[date, str]:
    """?month=2026-12; a month that cannot be read opens this month, and says so."""
    text = request.GET.get("month", "").strip()
    if not text:
        return today.replace(day=1), ""
    try:
        month = datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        return today.replace(day=1), f"“{text[:20]}” is not a month such as 2026-12"
    return month, ""


@board_view(*READ)
def month(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    first, error = _month_from_query(request, today)
    last = first + relativedelta(months=1) - timedelta(days=1)
    events = events_for(request.board_access, first, last)
    by_day: dict[date, list[CalendarEvent]] = {}
    for event in events:
        by_day.setdefault(event.day, []).append(event)
    weeks = [
        [
            {"day": day, "in_month": day.month == first.month, "events": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]

    def link(day: date) -> str:
        return board_url(request, "calendar", query={"month": f"{day:%Y-%m}"})

    context = {
        "first": first,
        "weeks": weeks,
        "events": events,
        "today": today,
        "error": error,
        "previous_url": link(first - relativedelta(months=1)),
        "next_url": link(first + relativedelta(months=1)),
        "previous": first - relativedelta(months=1),
        "next": first + relativedelta(months=1),
        "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "has_feed": CalendarFeed.objects.filter(board=request.board, user=request.user).exists(),
    }
    return render(request, "board/calendar/month.html", context)


@board_view(*READ)
def feed_settings(request: HttpRequest) -> HttpResponse:
    context = {
        "has_feed": CalendarFeed.objects.filter(board=request.board, user=request.user).exists(),
        "back_url": board_url(request, "calendar"),
    }
    return render(request, "board/calendar/feed.html", context)


@board_view(*READ)
def feed_renew(request: HttpRequest) -> HttpResponse:
    """Make the feed, or replace its address (the old one stops working): asked first."""
    back_url = board_url(request, "calendar-feed")
    has_feed = CalendarFeed.objects.filter(board=request.board, user=request.user).exists()
    if request.method != "POST":
        return confirm_page(
            request,
            title="Make a new calendar address?" if has_feed else "Make your calendar address?",
            button="Make a new address" if has_feed else "Make the address",
            back_url=back_url,
            text="Anyone who has the address can read the dates in your calendar (titles "
            "only, never case details). Keep it to yourself.",
            warning="Your old address stops working: calendar apps that use it must be given "
            "the new one."
            if has_feed
            else "",
        )
    token = calendar_feed_renew(board=request.board, user=request.user)
    address = request.build_absolute_uri(feed_path(token))
    context = {"address": address, "back_url": board_url(request, "calendar")}
    # Shown this once: only the token's hash is kept.
    return render(request, "board/calendar/feed_address.html", context)


@board_view(*READ)
def feed_revoke(request: HttpRequest) -> HttpResponse:
    back_url = board_url(request, "calendar-feed")
    if request.method != "POST":
        return confirm_page(
            request,
            title="Stop your calendar address?",
            button="Stop the address",
            back_url=back_url,
            text="Calendar apps that read it will no longer be sent the board's dates.",
        )
    calendar_feed_revoke(board=request.board, user=request.user)
    messages.success(request, "Your calendar address has been stopped")
    return redirect(back_url)


def feed_path(token: str) -> str:
    return f"{reverse('calendar-ics')}?{urlencode({'key': token})}"


@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    """The iCalendar file. No session: the token is the key, looked up by its hash."""
    token = request.GET.get("key", "")
    with scopes_disabled():
        found = CalendarFeed.objects.filter(token_hash=token_hash(token)).select_related(
            "board", "user"
        )
        entry = found.first()
    if entry is None or not entry.user.is_active:
        raise Http404
    board = entry.board
    with scope(board=board):
        access = access_for(entry.user, board)
        if not access.roles:  # no longer on the board: the address is dead too
            raise Http404
        today = timezone.localdate()
        events = events_for(access, today - FEED_PAST, today + FEED_AHEAD)
    body = ics_bytes(board.name, events, request.build_absolute_uri("/")[:-1])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="board-calendar.ics"'
    return response


def ics_bytes(board_name: str, events: list[CalendarEvent], site: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Safeguarding Board Manager//Calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", board_name)
    stamp = timezone.now()
    for event in events:
        item = icalendar.Event()
        item.add("uid", f"{event.uid}@safeguarding-board-manager")
        item.add("dtstamp", stamp)
        item.add("dtstart", event.day)
        item.add("dtend", event.day + timedelta(days=1))
        item.add("summary", event.title)
        item.add("url", f"{site}{event.href}")
        cal.add_component(item)
    return cal.to_ical()
