"""Pages kept by year open on the latest year with records, and clocks stop at closure."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from core.periods import FinancialYear
from core.years import latest_year, this_year
from tests.board.factories import MeetingFactory


def test_latest_year_is_the_latest_with_records_never_a_future_one():
    assert latest_year([]) == this_year()
    assert latest_year([FinancialYear(2013), date(2014, 6, 1)]) == FinancialYear(2014)
    assert latest_year([2014, this_year().next()]) == FinancialYear(2014)


def test_the_meetings_page_opens_on_the_year_of_its_meetings(db, client_for, board, viewer):
    MeetingFactory(board=board, date=date(2014, 6, 12), title="The only meeting")
    page = client_for(viewer).get(reverse("meeting-list", kwargs={"board_slug": board.slug}))
    text = page.content.decode()
    assert "The only meeting" in text and "2014/15" in text


def test_a_clock_of_a_closed_review_stops_at_the_closure():
    from reviews.case_reviews.clocks import _month_clock, _stopped_at_closure

    start = date(2014, 9, 16)
    running = _month_clock("completion", "Completion", start, 6, None, date(2026, 12, 1), 14)
    assert running.elapsed > 4000  # what a closed review used to say
    closed = _stopped_at_closure(running, date(2015, 2, 1), date(2026, 12, 1))
    assert closed.elapsed == (date(2015, 2, 1) - start).days
    assert closed.status == "met"
    assert "stopped when the review closed on 1 Feb 2015" in closed.elapsed_label


def test_an_agency_form_of_a_closed_case_stops_counting(db, board):
    from reviews.child_deaths.models import AgencyForm
    from reviews.child_deaths.selectors import cdop_cases, outstanding_agency_forms
    from reviews.child_deaths.services.reminders import agency_form_reminders_send
    from reviews.child_deaths.waiting import agency_forms_waiting
    from tests.factories import AgencyFactory
    from tests.reviews.child_deaths.factories import notify, review

    today = timezone.localdate()
    case = notify(board, date_of_death=today - timedelta(days=400))
    form = AgencyForm.objects.create(
        board=board,
        case=case,
        agency=AgencyFactory(board=board),
        contact_email="a@example.org",
        requested_on=case.notified_on,
    )
    assert form.days_outstanding == (today - case.notified_on).days
    review(case, panel_review_on=case.notified_on + timedelta(days=100))
    case.closed_on = case.notified_on + timedelta(days=110)
    case.save()
    form = AgencyForm.objects.select_related("case").get(pk=form.pk)
    assert form.days_outstanding == 110
    # Nor is it listed, counted on the home page or chased any more.
    assert form not in outstanding_agency_forms(board=board)
    assert cdop_cases(board=board).get(pk=case.pk).forms_outstanding == 0
    assert agency_forms_waiting(board, None, today)[0].count == 0
    assert agency_form_reminders_send(today=today) == 0


def test_no_page_defaults_to_this_year_whatever_its_records():
    """A page kept by year opens on core.years.latest_year(...) of its records; only a
    form adding a record (`self.request`) starts from this year."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    views = [*root.glob("*/views/*.py"), *root.glob("reviews/*/views/*.py")]
    found = [
        str(path.relative_to(root))
        for path in views
        if re.search(
            r"year_from_query\(request, (this_year\(\)|FinancialYear\.containing)", path.read_text()
        )
    ]
    assert found == []
