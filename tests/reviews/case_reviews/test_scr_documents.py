"""Confidential documents: the SCR sub-group, the board manager and the chair only; every
download logged, every refusal logged too. Uploads are checked by content and size."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from board.files import check_upload
from board.models import AuditEntry
from reviews.case_reviews.models import ReviewDocument
from reviews.case_reviews.services.learning import document_upload
from reviews.case_reviews.services.reviews import milestone_add

from .factories import initiated_review

PDF = b"%PDF-1.4\n% a report\n"


def upload(board, user, kind="full_report", **extra):
    review = initiated_review(board)
    checked = check_upload(SimpleUploadedFile("report.pdf", PDF))
    return document_upload(
        review=review, kind=kind, title="Overview report", upload=checked, uploaded_by=user, **extra
    )


def url(document):
    return (
        f"/boards/{document.board.slug}/reviews/case-reviews/{document.review_id}"
        f"/documents/{document.pk}/"
    )


def access_entries(document):
    return AuditEntry.objects.filter(
        action=AuditEntry.Action.ACCESS, object_pk=str(document.pk)
    ).order_by("timestamp")


@pytest.mark.parametrize("persona", ["scr_member", "manager", "chair"])
def test_the_sub_group_manager_and_chair_download_and_are_logged(
    persona, board, request, client_for
):
    user = request.getfixturevalue(persona)
    document = upload(board, user)
    response = client_for(user).get(url(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    entry = access_entries(document).get()
    assert entry.actor == user and not (entry.additional_data or {}).get("refused")


@pytest.mark.parametrize("persona", ["board_member", "viewer", "lay_member", "cdop_member"])
def test_other_roles_are_refused_and_the_refusal_is_logged(
    persona, board, request, scr_member, client_for
):
    user = request.getfixturevalue(persona)
    document = upload(board, scr_member)
    assert client_for(user).get(url(document)).status_code == 403
    entry = access_entries(document).get()
    assert entry.actor == user and entry.additional_data["refused"] is True
    assert entry.board_id == board.pk


def test_another_boards_document_is_not_found(board, other_board_manager, scr_member, client_for):
    document = upload(board, scr_member)
    assert client_for(other_board_manager).get(url(document)).status_code == 404


def test_a_published_executive_summary_is_open_to_every_board_role(
    board, scr_member, viewer, client_for
):
    document = upload(board, scr_member, kind="executive_summary", is_published=True)
    assert client_for(viewer).get(url(document)).status_code == 200
    assert access_entries(document).count() == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("report.pdf", b"MZ\x90\x00 not a pdf", "must be a"),
        ("report.exe", PDF, "but its name ends in"),
        ("big.pdf", PDF + b"x" * 2048, "must be smaller than"),
    ],
)
def test_a_bad_upload_is_refused_and_nothing_is_saved(
    board, scr_member, client_for, settings, name, content, message
):
    settings.UPLOAD_MAX_BYTES = {**settings.UPLOAD_MAX_BYTES, "document": 1024}
    review = initiated_review(board)
    file = SimpleUploadedFile(name, content)
    data = {"kind": "full_report", "title": "Overview", "file": file}
    response = client_for(scr_member).post(
        f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/documents/new/", data
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReviewDocument.objects.exists()


def test_an_agency_report_needs_its_agency(board, scr_member):
    with pytest.raises(Exception, match="agency whose report"):
        upload(board, scr_member, kind="agency_report")
    assert not ReviewDocument.objects.exists()


def test_an_unpublished_summary_pdf_is_for_the_sub_group_only(
    board, board_member, chair, client_for
):
    review = initiated_review(board)
    pdf_url = f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/executive-summary.pdf"
    assert client_for(board_member).get(pdf_url).status_code == 403
    assert client_for(chair).get(pdf_url).status_code == 200
    milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 9, 1))
    milestone_add(
        review=review,
        kind="publication",
        actual_on=date(2014, 10, 1),
        web_address="https://x.example/r.pdf",
    )
    assert client_for(board_member).get(pdf_url).status_code == 200
