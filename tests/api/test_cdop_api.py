"""CDOP through the API: statistics for the board, suppressed for all but the panel;
cases for CDOP members only, every read logged."""

from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from board.audit import entries_for_board
from board.models import AuditEntry

from ..reviews.child_deaths.factories import notify, review


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    client.get(reverse("api:board-list"))
    return client


def stats_url(board) -> str:
    return reverse("api:cdop-statistics-list", kwargs={"board_slug": board.slug})


def cases_url(board) -> str:
    return reverse("api:cdop-case-list", kwargs={"board_slug": board.slug})


def test_a_board_member_gets_suppressed_statistics_without_the_hidden_counts(board_member, board):
    review(notify(board))  # one reviewed case: a small number
    body = token_client(board_member).get(stats_url(board), {"year": "2013"}).json()
    assert body["suppressed"] is True
    reviewed = body["reviewed"]
    assert reviewed["suppressed"] is True
    assert reviewed["count"] is None and reviewed["percentage"] is None
    assert "fewer than" in reviewed["shown_count"]


def test_a_cdop_member_gets_the_true_counts(cdop_member, board):
    review(notify(board))
    body = token_client(cdop_member).get(stats_url(board), {"year": "2013"}).json()
    assert body["suppressed"] is False
    assert body["reviewed"]["count"] == 1


def test_the_year_must_be_a_financial_year(board_member, board):
    response = token_client(board_member).get(stats_url(board), {"year": "last year"})
    assert response.status_code == 400
    assert "year" in response.json()


def test_a_board_members_token_cannot_read_cases(board_member, board):
    notify(board)
    assert token_client(board_member).get(cases_url(board)).status_code == 403


def test_another_boards_cdop_member_gets_404(board, other_board):
    from board.models import Role

    from ..factories import user_with_role

    outsider = user_with_role(other_board, Role.CDOP_MEMBER)
    assert token_client(outsider).get(cases_url(board)).status_code == 404


def test_every_case_a_cdop_member_reads_is_logged_in_constant_queries(
    cdop_member, board, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = token_client(cdop_member)
    notify(board)
    with CaptureQueriesContext(connection) as small:
        client.get(cases_url(board))
    for _ in range(5):
        notify(board)
    with django_assert_num_queries(len(small.captured_queries)):
        body = client.get(cases_url(board)).json()
    assert body["count"] == 6
    reads = entries_for_board(board).filter(action=AuditEntry.Action.ACCESS, actor=cdop_member)
    assert reads.count() == 1 + 6
    case_id = body["results"][0]["id"]
    client.get(reverse("api:cdop-case-detail", kwargs={"board_slug": board.slug, "id": case_id}))
    assert reads.count() == 8
    assert "date_of_birth" not in body["results"][0]


NOTIFICATION = {
    "external_reference": "PARTNER-77",
    "date_of_birth": "2014-01-02",
    "date_of_death": "2014-05-06",
    "sex": "male",
    "ethnicity": "bme_not_known",
    "place_of_death": "not_known",
    "notified_by": "",
    "notified_on": "2014-05-07",
    "expectation": "unexpected",
}


def test_a_partner_system_records_a_notification_and_a_repeat_is_refused(cdop_member, board):
    from reviews.child_deaths.models import CdopCase

    client = token_client(cdop_member)
    created = client.post(cases_url(board), NOTIFICATION, content_type="application/json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["number"].startswith("CDOP-2014-15-") and body["external_reference"] == "PARTNER-77"
    case = CdopCase.objects.get(board=board, external_reference="PARTNER-77")
    assert AuditEntry.objects.filter(object_pk=str(case.pk)).exists()

    again = client.post(cases_url(board), NOTIFICATION, content_type="application/json")
    assert again.status_code == 400
    assert "external_reference" in again.json()
    late = dict(NOTIFICATION, external_reference="P-78", date_of_death="2013-12-31")
    wrong = client.post(cases_url(board), late, content_type="application/json")
    assert wrong.status_code == 400 and "date_of_death" in wrong.json()
    assert CdopCase.objects.filter(board=board).count() == 1


def test_only_the_panel_may_record_a_notification(board_member, board):
    client = token_client(board_member)
    response = client.post(cases_url(board), NOTIFICATION, content_type="application/json")
    assert response.status_code == 403
