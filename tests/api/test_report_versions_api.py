"""Report versions through the API: drafts for the chair and manager, published for all."""

from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from reports.models import ReportState
from reports.versions import version_render_now

from ..reports.factories import report_for


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_the_chair_downloads_a_draft_and_a_member_sees_only_published_versions(
    chair, board_member, board, manager
):
    report = report_for(board)
    version, _ = version_render_now(report=report, by=manager)
    url = reverse("api:report-version-list", kwargs={"board_slug": board.slug})
    pdf_url = reverse("api:report-version-pdf", kwargs={"board_slug": board.slug, "id": version.pk})

    chair_client = token_client(chair)
    assert [v["number"] for v in chair_client.get(url).json()["results"]] == [version.number]
    download = chair_client.get(pdf_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")

    member = token_client(board_member)
    assert member.get(url).json()["results"] == []
    assert member.get(pdf_url).status_code == 403  # refused, as the version page refuses it

    type(version).objects.filter(pk=version.pk).update(report_state=ReportState.PUBLISHED)
    assert member.get(pdf_url).status_code == 200
