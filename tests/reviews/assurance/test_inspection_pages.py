"""Inspection pages: recording and editing, hostile input, deleting after confirmation,
another board's inspection, who may write, the year's summary, filters and query counts."""

from datetime import date
from decimal import Decimal

from board.models import Action, ActionStatus
from core.periods import FinancialYear
from reviews.assurance.models import Inspection, InspectionJudgement
from reviews.assurance.selectors.inspections import year_summary
from reviews.assurance.services.inspections import (
    JudgementInput,
    inspection_judgements_set,
)
from tests.factories import AgencyFactory

from .inspection_factories import (
    AREAS,
    SIF,
    form_data,
    judgement_data,
    ofsted,
    recommend,
    url,
)


def test_the_manager_records_and_edits_an_inspection(board, manager, client_for):
    client = client_for(manager)
    council = AgencyFactory(board=board, name="Testshire Council")
    response = client.post(
        url(board, "inspection-create"), form_data(inspected_agency=str(council.pk))
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(board, "inspection-detail", inspection_id=inspection.pk)
    assert inspection.board == board and inspection.inspected_agency == council
    response = client.post(
        url(board, "inspection-edit", inspection_id=inspection.pk),
        form_data(title="Renamed", overall_judgement="good"),
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert (inspection.title, inspection.overall_judgement) == ("Renamed", "good")


def test_hostile_input_is_escaped_or_refused(board, manager, viewer, client_for):
    client = client_for(manager)
    script = "<script>alert('x')</script>"
    response = client.post(url(board, "inspection-create"), form_data(title="x" * 201))
    assert response.status_code == 200
    assert not Inspection.objects.exists()
    response = client.post(url(board, "inspection-create"), form_data(scope="y" * 5001))
    assert response.status_code == 200
    assert not Inspection.objects.exists()
    response = client.post(url(board, "inspection-create"), form_data(title=script, scope=script))
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    target = url(board, "inspection-judgements", inspection_id=inspection.pk)
    response = client.post(target, judgement_data([(script, "good", "<b>to be good</b>")]))
    assert response.status_code == 302
    response = client.post(target, judgement_data([("z" * 201, "good", "")]))
    assert response.status_code == 200
    agency = AgencyFactory(board=board)
    recommend(inspection, agency, text=script)
    for page in ("inspection-detail",):
        body = client_for(viewer).get(url(board, page, inspection_id=inspection.pk))
        body = body.content.decode()
        assert script not in body and "<b>to be good</b>" not in body
        assert "&lt;script&gt;" in body
    listing = client_for(viewer).get(url(board, "inspection-list")).content.decode()
    assert script not in listing and "&lt;script&gt;" in listing


# Deleting


def test_an_inspection_without_actions_is_deleted_after_confirmation(board, manager, client_for):
    inspection = ofsted(board)
    inspection_judgements_set(inspection=inspection, judgements=AREAS)
    client = client_for(manager)
    target = url(board, "inspection-delete", inspection_id=inspection.pk)
    page = client.get(target)
    assert "Are you sure you want to delete this inspection?" in page.content.decode()
    assert Inspection.objects.exists()  # looking at the page deletes nothing
    response = client.post(target)
    assert response.status_code == 302
    assert response["Location"] == url(board, "inspection-list")
    assert not Inspection.objects.exists() and not InspectionJudgement.objects.exists()


def test_an_inspection_whose_recommendations_have_actions_is_not_deleted(
    board, manager, client_for
):
    inspection = ofsted(board)
    recommend(inspection, AgencyFactory(board=board))
    client = client_for(manager)
    target = url(board, "inspection-delete", inspection_id=inspection.pk)
    page = client.get(target).content.decode()
    assert "It cannot be deleted while its recommendations have 1 action in the board" in page
    response = client.post(target, follow=True)
    assert response.redirect_chain[-1][0] == url(
        board, "inspection-detail", inspection_id=inspection.pk
    )
    assert "cannot be deleted: its recommendations have 1 action" in response.content.decode()
    assert Inspection.objects.count() == 1 and Action.objects.count() == 1


# Tenancy and roles


WRITE_PAGES = [
    "inspection-edit",
    "inspection-judgements",
    "inspection-recommendation-add",
    "inspection-delete",
]


def test_another_boards_inspection_is_not_found(
    board, other_board, other_board_manager, client_for
):
    inspection = ofsted(board)
    client = client_for(other_board_manager)
    for name in ["inspection-detail", *WRITE_PAGES]:
        assert client.get(url(board, name, inspection_id=inspection.pk)).status_code == 404
        # Through its own board's address, the other board's inspection does not exist.
        assert client.get(url(other_board, name, inspection_id=inspection.pk)).status_code == 404
    assert client.get(url(board, "inspection-list")).status_code == 404
    response = client.post(url(other_board, "inspection-delete", inspection_id=inspection.pk))
    assert response.status_code == 404
    response = client.post(
        url(other_board, "inspection-judgements", inspection_id=inspection.pk),
        judgement_data([("Sneaky", "inadequate", "")]),
    )
    assert response.status_code == 404
    assert Inspection.objects.count() == 1 and not InspectionJudgement.objects.exists()
    other_list = client.get(url(other_board, "inspection-list")).content.decode()
    assert SIF["title"] not in other_list


def test_readers_cannot_write(board, chair, viewer, board_member, lay_member, client_for):
    inspection = ofsted(board)
    for user in (chair, viewer, board_member, lay_member):
        client = client_for(user)
        assert client.get(url(board, "inspection-list")).status_code == 200
        detail = url(board, "inspection-detail", inspection_id=inspection.pk)
        assert client.get(detail).status_code == 200
        assert client.post(url(board, "inspection-create"), form_data()).status_code == 403
        for name in WRITE_PAGES:
            assert client.get(url(board, name, inspection_id=inspection.pk)).status_code == 403
        response = client.post(url(board, "inspection-delete", inspection_id=inspection.pk))
        assert response.status_code == 403
        response = client.post(
            url(board, "inspection-judgements", inspection_id=inspection.pk),
            judgement_data([("Not mine", "good", "")]),
        )
        assert response.status_code == 403
    assert Inspection.objects.count() == 1
    assert not InspectionJudgement.objects.exists()


# The year summary


def test_the_year_summary_is_computed_from_the_records(board):
    agency = AgencyFactory(board=board)
    sif = ofsted(board)
    inspection_judgements_set(inspection=sif, judgements=AREAS)
    cqc = ofsted(board, inspectorate="cqc", title="CQC review of health services for children",
                 start_date=date(2014, 9, 1), end_date=date(2014, 9, 5),
                 published_on=date(2014, 11, 20))  # fmt: skip
    inspection_judgements_set(
        inspection=cqc, judgements=[JudgementInput("Safeguarding in health", "good")]
    )
    # Published in the next year and not published at all: not in 2014/15.
    later = ofsted(board, title="Later", start_date=date(2015, 3, 2), end_date=None,
                   published_on=date(2015, 4, 1))  # fmt: skip
    inspection_judgements_set(inspection=later, judgements=[JudgementInput("X", "inadequate")])
    recommend(later, agency)
    ofsted(board, title="Under way", start_date=date(2015, 3, 20), end_date=None, published_on=None)
    statuses = [ActionStatus.COMPLETE, ActionStatus.COMPLETE, ActionStatus.ON_TRACK]
    for number, status in enumerate(statuses):
        rec = recommend(cqc if number == 0 else sif, agency, text=f"Recommendation {number}")
        Action.objects.for_source(rec).update(status=status)

    summary = year_summary(board=board, year=FinancialYear(2014))
    assert [row.inspection.title for row in summary.rows] == [cqc.title]
    summary = year_summary(board=board, year=FinancialYear(2015))
    assert [row.inspection for row in summary.rows] == [later, sif]  # by publication date
    assert dict(summary.grade_counts) == {
        "Outstanding": 0,
        "Good": 1,
        "Requires improvement": 2,
        "Inadequate": 1,
    }
    assert summary.judgements == 4
    assert summary.recommendations == 3
    assert (summary.actions_complete, summary.actions_total) == (1, 3)
    assert summary.actions_percent_complete == Decimal("33")  # 1 of 3, rounded half-up
    assert year_summary(board=board, year=FinancialYear(2013)).actions_percent_complete is None


def test_the_summary_counts_only_this_boards_records(board, other_board):
    ofsted(board)
    theirs = ofsted(other_board)
    inspection_judgements_set(inspection=theirs, judgements=AREAS)
    summary = year_summary(board=board, year=FinancialYear(2015))
    assert len(summary.rows) == 1 and summary.judgements == 0


def test_half_up_percentage_of_complete_actions(board):
    inspection = ofsted(board)
    agency = AgencyFactory(board=board)
    for number in range(8):
        rec = recommend(inspection, agency, text=f"Recommendation {number}")
        if number < 5:
            Action.objects.for_source(rec).update(status=ActionStatus.COMPLETE)
    summary = year_summary(board=board, year=FinancialYear(2015))
    assert summary.actions_percent_complete == Decimal("63")  # 62.5% rounds half-up


# Filters and queries


def test_the_list_filters_by_inspectorate_and_year(board, viewer, client_for):
    ofsted(board, title="Ofsted 2015")
    ofsted(board, inspectorate="cqc", title="CQC 2014", start_date=date(2014, 9, 1),
           end_date=date(2014, 9, 5), published_on=date(2014, 11, 20))  # fmt: skip
    client = client_for(viewer)

    def titles(query: str) -> set[str]:
        body = client.get(url(board, "inspection-list") + query).content.decode()
        return {title for title in ("Ofsted 2015", "CQC 2014") if title in body}

    assert titles("") == {"Ofsted 2015", "CQC 2014"}
    assert titles("?inspectorate=cqc") == {"CQC 2014"}
    assert titles("?year=2014-15") == {"CQC 2014", "Ofsted 2015"}  # started in 2014-15
    assert titles("?year=2015-16") == {"Ofsted 2015"}  # published in 2015-16
    assert titles("?inspectorate=ofsted&year=2014-15") == {"Ofsted 2015"}
    assert titles("?year=nonsense&inspectorate=<script>") == {"Ofsted 2015", "CQC 2014"}


def test_the_list_issues_a_constant_number_of_queries(
    board, viewer, client_for, django_assert_max_num_queries
):
    client = client_for(viewer)
    agency = AgencyFactory(board=board)
    recommend(ofsted(board, inspected_agency=agency), agency)
    client.get(url(board, "inspection-list"))
    with django_assert_max_num_queries(25) as small:
        assert client.get(url(board, "inspection-list")).status_code == 200
    for number in range(12):
        inspection = ofsted(board, title=f"Inspection {number}", inspected_agency=agency)
        inspection_judgements_set(inspection=inspection, judgements=AREAS)
        recommend(inspection, agency)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url(board, "inspection-list")).status_code == 200
    # With a year chosen, its summary adds a fixed number of queries.
    with django_assert_max_num_queries(len(small.captured_queries) + 6):
        response = client.get(url(board, "inspection-list") + "?year=2015-16")
    assert "Areas judged requires improvement" in response.content.decode()


def test_the_detail_page_issues_a_constant_number_of_queries(
    board, viewer, client_for, django_assert_max_num_queries
):
    client = client_for(viewer)
    agency = AgencyFactory(board=board)
    inspection = ofsted(board)
    inspection_judgements_set(inspection=inspection, judgements=AREAS[:1])
    recommend(inspection, agency)
    target = url(board, "inspection-detail", inspection_id=inspection.pk)
    client.get(target)
    with django_assert_max_num_queries(25) as small:
        assert client.get(target).status_code == 200
    inspection_judgements_set(inspection=inspection, judgements=AREAS)
    for number in range(8):
        recommend(inspection, AgencyFactory(board=board), text=f"Recommendation {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(target).status_code == 200
