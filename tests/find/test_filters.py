"""The filter forms of the long lists: the action tracker (owner, agency, source, status,
due), the CDOP cases (stage, year, category) and the review register (stage, year). Each
keeps its filters in paging, shows a value it cannot read as an error on the form (never
a 500) and costs the same number of queries however many records match."""

import html
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from board.models import ActionStatus, Sector
from reviews.case_reviews.clocks import STAGES, stage_of
from reviews.case_reviews.filters import stage_condition
from reviews.case_reviews.models import CaseReview, Milestone
from reviews.case_reviews.models.progress import MilestoneKind
from tests.board.factories import ActionFactory, PersonFactory
from tests.factories import AgencyFactory
from tests.forms import date_parts
from tests.reviews.case_reviews.factories import initiated_review, review_for
from tests.reviews.child_deaths.factories import notify, review


def url(name, board):
    return reverse(name, kwargs={"board_slug": board.slug})


ROW = re.compile(r'<tr class="govuk-table__row">\s*<t[dh][^>]*>(.*?)</t[dh]>', re.S)
TAG = re.compile(r"<[^>]+>")


def text(fragment: str) -> str:
    return html.unescape(TAG.sub(" ", fragment)).split()


def listed(response) -> list[str]:
    """The first cell of each row of the page's tables' bodies."""
    page = response.content.decode()
    bodies = re.findall(r"<tbody.*?</tbody>", page, re.S)
    cells = [" ".join(text(cell)) for body in bodies for cell in ROW.findall(body)]
    return [cell for cell in cells if not cell.startswith("No ")]


def error_summary(response) -> str:
    found = re.search(r'class="govuk-error-summary".*?</ul>', response.content.decode(), re.S)
    return " ".join(text(found.group(0))) if found else ""


def hrefs(response, pattern: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(pattern, response.content.decode(), re.S)]


# The action tracker


@pytest.fixture
def actions(board, manager):
    police = AgencyFactory(board=board, name="Police")
    health = AgencyFactory(board=board, name="Health", sector=Sector.HEALTH)
    ann = PersonFactory(board=board, full_name="Ann Jones", user=manager)
    today = timezone.localdate()
    return {
        "police": police,
        "health": health,
        "ann": ann,
        "late": ActionFactory(
            board=board, description="Late", owner_agency=police, due_date=today - timedelta(1)
        ),
        "soon": ActionFactory(
            board=board,
            description="Soon",
            owner_agency=health,
            owner_person=ann,
            due_date=today + timedelta(3),
            status=ActionStatus.ON_TRACK,
        ),
        "done": ActionFactory(
            board=board,
            description="Done",
            owner_agency=police,
            due_date=today - timedelta(30),
            status=ActionStatus.COMPLETE,
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Late", "Soon", "Done"}),
        ({"agency": "police"}, {"Late", "Done"}),
        ({"owner": "ann"}, {"Soon"}),
        ({"status": "complete"}, {"Done"}),
        ({"source": "direct"}, {"Late", "Soon", "Done"}),
        ({"overdue": "1"}, {"Late"}),
        ({"due_soon": "1"}, {"Soon"}),
        ({"mine": "1"}, {"Soon"}),
        ({"agency": "police", "status": "not_started"}, {"Late"}),
    ],
)
def test_the_tracker_filters_by_each_field(client_for, board, manager, actions, query, expected):
    data = {k: actions[v].pk if v in actions else v for k, v in query.items()}
    response = client_for(manager).get(url("action-list", board), data)
    assert response.status_code == 200
    assert set(listed(response)) == expected


def test_the_tracker_filters_by_due_date(client_for, board, manager, actions):
    data = date_parts("due_by", timezone.localdate())
    response = client_for(manager).get(url("action-list", board), data)
    assert set(listed(response)) == {"Late", "Done"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"status": "nonsense"}, "Choose the status from the list"),
        ({"agency": "not-an-id"}, "Choose the agency from the list"),
        ({"owner": "6b1f7c1e-0000-4000-8000-000000000000"}, "Choose the owner from the list"),
        (date_parts("due_by", "31/2/2015"), "Due on or before must be a real date"),
        (date_parts("due_by", "1//2015"), "Due on or before must include a month"),
    ],
)
def test_a_filter_it_cannot_read_is_an_error_on_the_form(
    client_for, board, manager, actions, query, message
):
    response = client_for(manager).get(url("action-list", board), query)
    assert response.status_code == 200
    assert message in error_summary(response)
    assert "<title>Error: " in response.content.decode()


def test_another_boards_agency_is_not_a_filter(client_for, board, other_board, manager, actions):
    theirs = AgencyFactory(board=other_board, name="Their police")
    response = client_for(manager).get(url("action-list", board), {"agency": theirs.pk})
    assert "Choose the agency from the list" in error_summary(response)
    assert "Their police" not in response.content.decode()


def test_paging_and_the_export_keep_the_filters(client_for, board, manager, actions):
    for n in range(30):
        ActionFactory(board=board, description=f"Police {n}", owner_agency=actions["police"])
    response = client_for(manager).get(url("action-list", board), {"agency": actions["police"].pk})
    (next_link,) = hrefs(response, r'govuk-pagination__next">\s*<a [^>]*href="([^"]+)"')
    assert f"agency={actions['police'].pk}" in next_link and "page=2" in next_link
    exports = hrefs(response, r'href="([^"]*/actions/export/[^"]*)"')
    assert len(exports) == 2 and all(f"agency={actions['police'].pk}" in h for h in exports)
    page_two = client_for(manager).get(url("action-list", board) + next_link)
    assert all(name.startswith(("Police", "Late", "Done")) for name in listed(page_two))


def test_the_filtered_tracker_costs_the_same_queries_for_more_actions(
    client_for, board, manager, actions, django_assert_num_queries
):
    client = client_for(manager)
    query = {"agency": actions["police"].pk, "status": "not_started"}
    address = url("action-list", board)
    client.get(address, query)  # the session and the like, once

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(address, query).status_code == 200
        return len(queries)

    few = count()
    for _ in range(20):
        ActionFactory(board=board, owner_agency=actions["police"], owner_person=actions["ann"])
    with django_assert_num_queries(few):
        assert client.get(address, query).status_code == 200


# The CDOP cases


@pytest.fixture
def cases(board):
    notified = notify(board, date_of_death=date(2014, 5, 1))
    reviewed = review(notify(board, date_of_death=date(2013, 6, 1)), category="3")
    return {"notified": notified, "reviewed": reviewed}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"notified", "reviewed"}),
        ({"stage": "notified"}, {"notified"}),
        ({"stage": "reviewed"}, {"reviewed"}),
        ({"stage": "closed"}, set()),
        ({"year": "2014-15"}, {"notified"}),
        ({"year": "2013-14"}, {"reviewed"}),
        ({"category": "3"}, {"reviewed"}),
    ],
)
def test_the_cdop_cases_filter(client_for, board, cdop_member, cases, query, expected):
    response = client_for(cdop_member).get(url("child_deaths:cdop-case-list", board), query)
    numbers = set(listed(response))
    assert numbers == {cases[key].number for key in expected}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year": "2014-1x"}, "Choose the year notified from the list"),
        ({"year": "2030-31"}, "Choose the year notified from the list"),
        ({"stage": "lost"}, "Choose the stage from the list"),
        ({"category": "99"}, "Choose the category of death from the list"),
    ],
)
def test_a_cdop_filter_it_cannot_read_is_an_error(
    client_for, board, cdop_member, cases, query, message
):
    response = client_for(cdop_member).get(url("child_deaths:cdop-case-list", board), query)
    assert response.status_code == 200
    assert message in error_summary(response)


def test_the_cdop_list_costs_the_same_queries_for_more_cases(
    client_for, board, cdop_member, cases, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(cdop_member)
    address, query = url("child_deaths:cdop-case-list", board), {"stage": "notified"}
    client.get(address, query)
    with CaptureQueriesContext(connection) as queries:
        client.get(address, query)
    for day in range(1, 15):
        notify(board, date_of_death=date(2014, 7, day))
    with django_assert_num_queries(len(queries)):
        assert client.get(address, query).status_code == 200


# The review register


def _milestone(review: CaseReview, kind: str) -> None:
    Milestone.objects.create(
        board=review.board, review=review, kind=kind, actual_on=date(2014, 9, 1)
    )


@pytest.fixture
def reviews(board):
    made = {
        "Awaiting decision": review_for(board, reference="R1"),
        "Not initiated": review_for(board, reference="R2"),
        "In progress": initiated_review(board, reference="R3"),
        "Draft report": initiated_review(board, reference="R4"),
        "Final panel held": initiated_review(board, reference="R5"),
        "Signed off by the board": initiated_review(board, reference="R6"),
        "Published": initiated_review(
            board, reference="R7", notified_on=date(2015, 4, 2), decision_on=date(2015, 4, 9)
        ),
    }
    CaseReview.objects.filter(pk=made["Not initiated"].pk).update(decision="not_initiate")
    _milestone(made["Draft report"], MilestoneKind.DRAFT_REPORT)
    _milestone(made["Final panel held"], MilestoneKind.DRAFT_REPORT)
    _milestone(made["Final panel held"], MilestoneKind.FINAL_PANEL)
    _milestone(made["Signed off by the board"], MilestoneKind.BOARD_SIGN_OFF)
    _milestone(made["Published"], MilestoneKind.BOARD_SIGN_OFF)
    _milestone(made["Published"], MilestoneKind.PUBLICATION)
    return made


def test_each_stage_filter_finds_the_reviews_the_register_shows_at_that_stage(board, reviews):
    everything = CaseReview.objects.filter(board=board).prefetch_related("milestones")
    for stage in STAGES:
        shown = {r.reference for r in everything if stage_of(r) == stage}
        found = set(everything.filter(stage_condition(stage)).values_list("reference", flat=True))
        assert found == shown == {reviews[stage].reference}, stage


def test_the_register_filters_by_stage_and_year(client_for, board, board_member, reviews):
    client = client_for(board_member)
    response = client.get(url("case_reviews:scr-register", board), {"stage": "Draft report"})
    assert listed(response) == ["R4"]
    response = client.get(url("case_reviews:scr-register", board), {"year": "2015-16"})
    assert listed(response) == ["R7"]


def test_a_register_filter_it_cannot_read_is_an_error(client_for, board, board_member, reviews):
    response = client_for(board_member).get(
        url("case_reviews:scr-register", board), {"stage": "Lost", "year": "20x4"}
    )
    assert response.status_code == 200
    summary = error_summary(response)
    assert "Choose the stage from the list" in summary
    assert "Choose the year notified from the list" in summary


def test_the_home_pages_links_tick_their_checkboxes(client_for, board, cdop_member):
    notify(board)  # no agency form requested
    address = url("child_deaths:cdop-case-list", board)
    response = client_for(cdop_member).get(address, {"forms": "outstanding"})
    page = response.content.decode()
    assert re.search(r'<input[^>]*name="forms"[^>]*checked', page)
    assert listed(response) == []
    assert "waiting for an agency form" in page


def test_the_filtered_register_costs_the_same_queries_for_more_reviews(
    client_for, board, board_member, reviews, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(board_member)
    address, query = url("case_reviews:scr-register", board), {"stage": "In progress"}
    client.get(address, query)
    with CaptureQueriesContext(connection) as queries:
        client.get(address, query)
    for n in range(12):
        _milestone(initiated_review(board, reference=f"More {n}"), MilestoneKind.CHRONOLOGY)
    with django_assert_num_queries(len(queries)):
        response = client.get(address, query)
    assert len(listed(response)) == 13


def test_each_cdop_stage_filter_finds_the_cases_shown_at_that_stage(board):
    from reviews.child_deaths.filters import STAGES as CASE_STAGES
    from reviews.child_deaths.models import CdopCase

    notify(board, date_of_death=date(2014, 1, 1))
    rapid = notify(board, date_of_death=date(2014, 1, 2))
    CdopCase.objects.filter(pk=rapid.pk).update(rapid_response_on=date(2014, 1, 5))
    held = notify(board, date_of_death=date(2014, 1, 3))
    CdopCase.objects.filter(pk=held.pk).update(
        rapid_response_on=date(2014, 1, 5), review_meeting_on=date(2014, 2, 1)
    )
    review(notify(board, date_of_death=date(2014, 1, 4)))
    closed = review(notify(board, date_of_death=date(2014, 1, 6)))
    CdopCase.objects.filter(pk=closed.pk).update(closed_on=date(2014, 9, 1))
    everything = list(CdopCase.objects.filter(board=board))
    for key, (label, condition) in CASE_STAGES.items():
        shown = {case.pk for case in everything if case.stage == label}
        found = set(CdopCase.objects.filter(condition, board=board).values_list("pk", flat=True))
        assert found == shown and len(found) == 1, key
