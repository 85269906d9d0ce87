"""The notifications page (the person's own, on this board, paged, marked read), the
header's count and the choice of e-mails."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from board.access import access_for
from board.context_processors import current_board
from board.models import EmailChoice, Notification, NotificationPreference
from board.services.notifications import notify

pytestmark = pytest.mark.django_db


def url(board, name="") -> str:
    return f"/boards/{board.slug}/notifications/{name}"


def test_the_page_lists_my_notifications_on_this_board_only(
    board, other_board, manager, chair, client_for
):
    notify(board=board, kind="report_approved", users=[manager], link="/mine/", about="2014/15")
    notify(board=board, kind="report_in_review", users=[chair], link="/chairs/")
    page = client_for(manager).get(url(board)).content.decode()
    assert "The annual report has been approved and can be published" in page
    assert 'href="/mine/"' in page and "2014/15" in page
    assert "/chairs/" not in page and "waiting for your review" not in page


def test_the_header_counts_my_unread_notifications_in_one_query(
    board, manager, client_for, django_assert_num_queries
):
    client = client_for(manager)
    for n in range(3):
        notify(board=board, kind="report_approved", users=[manager], link=f"/r/{n}/")
    page = client.get(f"/boards/{board.slug}/").content.decode()
    assert 'id="notifications-link"' in page
    assert '<strong class="lscb-count">3</strong>' in page
    request = type("R", (), {"board": board, "board_access": access_for(manager, board),
                             "path": "/"})()  # fmt: skip
    context = current_board(request)
    with django_assert_num_queries(1):
        assert Template("{{ unread_notifications }}").render(Context(context)) == "3"


def test_marking_read_changes_only_my_own(board, manager, chair, client_for):
    (mine,) = notify(board=board, kind="report_approved", users=[manager], link="/a/")
    (theirs,) = notify(board=board, kind="report_in_review", users=[chair], link="/b/")
    client = client_for(manager)
    data = {"notification": [str(mine.pk), str(theirs.pk), "not-an-id"]}
    response = client.post(url(board, "read/"), data)
    assert response.status_code == 302 and response.url == url(board)
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.is_read and not theirs.is_read
    page = client.get(url(board)).content.decode()
    assert "Unread" not in page.split("<tbody")[1]


def test_mark_all_as_read_and_the_list_pages(board, manager, client_for):
    for n in range(30):
        notify(board=board, kind="report_approved", users=[manager], link=f"/r/{n}/")
    client = client_for(manager)
    assert 'class="govuk-pagination' in client.get(url(board)).content.decode()
    client.post(url(board, "read/"), {"all": "1"})
    assert not Notification.objects.filter(recipient=manager, read_at__isnull=True).exists()


def test_reading_is_a_post(board, manager, client_for):
    assert client_for(manager).get(url(board, "read/")).status_code == 405


def test_the_preferences_form_saves_a_choice(board, viewer, client_for):
    client = client_for(viewer)
    page = client.get(url(board, "preferences/")).content.decode()
    assert 'value="immediate"' in page and "checked" in page
    response = client.post(url(board, "preferences/"), {"email": "digest"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=viewer).email == EmailChoice.DIGEST
    assert "one summary a day" in client.get(url(board)).content.decode()


@pytest.mark.parametrize("value", ["", "sometimes", "IMMEDIATE"])
def test_the_preferences_form_refuses_what_is_not_a_choice(board, viewer, client_for, value):
    response = client_for(viewer).post(url(board, "preferences/"), {"email": value})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Choose when to e-mail you about notifications" in page
    assert not NotificationPreference.objects.filter(user=viewer).exists()


def test_the_list_costs_the_same_queries_with_1_and_20_notifications(board, manager, client_for):
    client = client_for(manager)
    counts = []
    for total in (1, 20):
        Notification.objects.filter(recipient=manager).delete()
        for n in range(total):
            notify(board=board, kind="report_approved", users=[manager], link=f"/r/{n}/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(board)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
