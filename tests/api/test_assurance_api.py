"""Audits and Section 11 cycles through the API: every board role reads them, with the
same computed figures as the pages; another board's caller finds nothing; nothing is
written through the API."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.api.test_case_reviews_api import token_client
from tests.reviews.assurance.section11_factories import agencies_for, make_cycle, submit
from tests.reviews.assurance.test_audits import levels_by_name, mash_audit


def url(board, name: str, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs={"board_slug": board.slug, **kwargs})


def test_a_viewer_reads_audits_with_percentages_worked_out(board, viewer):
    audit = mash_audit(board)  # 20 outstanding, 76 good, 30 requires improvement of 135
    audit.findings.create(board=board, text="Thresholds applied inconsistently")
    body = token_client(viewer).get(url(board, "audit-list")).json()
    [found] = body["results"]
    ratings = {row["rating"]: (row["count"], row["percent"]) for row in found["ratings"]}
    assert ratings["Good"] == (76, "56.3")
    assert ratings["Outstanding"] == (20, "14.8")
    assert found["sample_size"] == 135
    assert found["findings"] == ["Thresholds applied inconsistently"]
    detail = token_client(viewer).get(url(board, "audit-detail", id=audit.pk))
    assert detail.json()["title"] == "MASH decisions"


def test_the_audit_list_takes_a_constant_number_of_queries(
    board, viewer, django_assert_num_queries
):
    mash_audit(board)
    client = token_client(viewer)
    client.get(url(board, "audit-list"))  # the token's first use is recorded once
    with CaptureQueriesContext(connection) as small:
        client.get(url(board, "audit-list"))
    for number in range(5):
        mash_audit(board, title=f"Audit {number}")
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url(board, "audit-list")).json()["count"] == 6


def test_a_cycle_gives_its_grid_and_counts(board, board_member):
    police, health, schools = agencies_for(board, "Police", "Health", "Schools")
    cycle = make_cycle(board, [police, health, schools])
    submit(cycle, police, "green", "amber", "green")
    submit(cycle, health, "red", "amber", "green")
    client = token_client(board_member)
    [listed] = client.get(url(board, "section11-cycle-list")).json()["results"]
    assert (listed["agencies"], listed["returns_received"]) == (3, 2)
    grid = client.get(url(board, "section11-cycle-detail", id=cycle.pk)).json()
    rows = {row["agency"]: row for row in grid["rows"]}
    assert rows["Police"]["ratings"][:3] == ["green", "amber", "green"]
    assert rows["Schools"] == {"agency": "Schools", "received": False, "ratings": [None] * 8}
    first = grid["counts"][0]
    assert (first["number"], first["red"], first["green"], first["rated"]) == (1, 1, 1, 2)


def test_another_boards_records_are_not_found(board, other_board_manager):
    audit = mash_audit(board)
    police = agencies_for(board, "Police")
    cycle = make_cycle(board, police)
    client = token_client(other_board_manager)
    assert client.get(url(board, "audit-detail", id=audit.pk)).status_code == 404
    assert client.get(url(board, "section11-cycle-detail", id=cycle.pk)).status_code == 404


def test_audits_are_not_written_through_the_api(board, manager):
    levels_by_name(board)
    response = token_client(manager).post(
        url(board, "audit-list"), {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 405
