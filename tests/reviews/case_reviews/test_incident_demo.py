"""The partnership demo board's incidents: one in rapid review within its clock and one
practice review running, dated from the day of loading, loaded again without change; and
nothing at all where that board does not exist."""

from datetime import date, timedelta

from django.utils import timezone

from reviews.case_reviews import demo_incidents
from reviews.case_reviews.models import CaseReview, SeriousIncident
from reviews.case_reviews.selectors.incidents import incident_rows, serious_incidents
from reviews.case_reviews.services.reviews import scr_settings
from tests.factories import AgencyFactory, BoardFactory


def test_nothing_is_loaded_without_the_partnership_board(board):
    demo_incidents.load(date(2026, 12, 1))
    assert not SeriousIncident.objects.exists()


def test_the_partnership_has_an_incident_in_rapid_review_and_a_practice_review_running(db):
    board = BoardFactory(slug="croydon-partnership")
    AgencyFactory(board=board, name="Metropolitan Police Service")
    AgencyFactory(board=board, name="Croydon Children's Social Care")
    today = timezone.localdate() - timedelta(days=7)
    demo_incidents.load(today)
    demo_incidents.load(today)  # again: nothing doubles
    settings = scr_settings(board=board)
    rows = {
        r.incident.reference: r
        for r in incident_rows(serious_incidents(board=board), settings, today)
    }
    assert set(rows) == {"Child T (demo)", "Child U (demo)"}
    rapid = rows["Child T (demo)"]
    assert rapid.stage == "In rapid review"
    clock = rapid.rapid_review_clocks[0]
    assert clock.status == "running" and clock.deadline > today
    summaries = rapid.incident.rapid_review.agency_summaries.all()
    assert sorted(s.is_outstanding for s in summaries) == [False, True]
    running = rows["Child U (demo)"]
    assert running.stage == "Practice review in progress"
    publication = next(c for c in running.review_clocks if c.key == "publication")
    assert publication.status == "running"
    assert CaseReview.objects.filter(board=board).count() == 1
    demo_incidents.load(today + timedelta(days=7))  # a week later: dated from the new day
    assert SeriousIncident.objects.filter(board=board).count() == 2
    assert CaseReview.objects.filter(board=board).count() == 1
