"""Inspections: recommendations become actions in the board's tracker, judgements are saved
all together or not at all, bad and hostile input is refused with nothing saved, another
board's inspection is not found, readers cannot write, the year summary is computed from
the records, and the list's queries do not grow with the number of inspections."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from board.models import Action, ActionStatus
from core.periods import FinancialYear
from reviews.assurance import action_sources
from reviews.assurance.models import Inspection, InspectionJudgement, InspectionRecommendation
from reviews.assurance.selectors.inspections import year_summary
from reviews.assurance.services.inspections import (
    JudgementInput,
    inspection_create,
    inspection_judgements_set,
    inspection_recommendation_create,
)
from tests.factories import AgencyFactory, UserFactory
from tests.forms import date_parts

SIF = {
    "inspectorate": "ofsted",
    "title": "Services for children in need of help and protection and review of the LSCB",
    "start_date": date(2015, 2, 2),
    "end_date": date(2015, 2, 25),
    "published_on": date(2015, 4, 15),
    "scope": "Children in need of help and protection, children looked after, care leavers.",
}
AREAS = [
    JudgementInput("Children who need help and protection", "requires_improvement"),
    JudgementInput("Children looked after and achieving permanence", "good"),
    JudgementInput("The effectiveness of the LSCB", "requires_improvement", "to be good"),
]


def ofsted(board, **overrides) -> Inspection:
    return inspection_create(board=board, **{**SIF, **overrides})


def url(board, name, **kwargs) -> str:
    return reverse(f"assurance:{name}", kwargs={"board_slug": board.slug, **kwargs})


def form_data(**overrides) -> dict:
    return {
        "inspectorate": "ofsted",
        "title": SIF["title"],
        "inspected_agency": "",
        **date_parts("start_date", "2/2/2015"),
        **date_parts("end_date", "25/2/2015"),
        **date_parts("published_on", "15/4/2015"),
        "scope": "Help and protection",
        "overall_judgement": "requires_improvement",
        "report_url": "https://reports.ofsted.gov.uk/example",
        **overrides,
    }


def judgement_data(rows, total=None) -> dict:
    data = {
        "form-TOTAL_FORMS": str(total or len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
    }
    for index, (area, grade, qualifier) in enumerate(rows):
        data[f"form-{index}-area"] = area
        data[f"form-{index}-grade"] = grade
        data[f"form-{index}-qualifier"] = qualifier
    return data


def recommend(inspection, agency, text="Strengthen the LSCB's scrutiny of early help", **kw):
    return inspection_recommendation_create(
        inspection=inspection,
        text=text,
        owner_agency=agency,
        due_date=kw.pop("due_date", date(2016, 3, 31)),
        created_by=kw.pop("created_by", None) or UserFactory(),
        **kw,
    )


# Recommendations and the action tracker


def test_a_recommendation_becomes_an_action_the_manager_sees_in_the_tracker(
    board, manager, viewer, client_for
):
    inspection = ofsted(board)
    council = AgencyFactory(board=board, name="Testshire Children's Social Care")
    response = client_for(manager).post(
        url(board, "inspection-recommendation-add", inspection_id=inspection.pk),
        {
            "text": "Ensure the LSCB evaluates the impact of early help",
            "owner_agency": str(council.pk),
            **date_parts("due_date", "31/3/2016"),
        },
    )
    assert response.status_code == 302
    recommendation = InspectionRecommendation.objects.get()
    assert recommendation.number == 1 and recommendation.board == board
    action = Action.objects.for_source(recommendation).get()
    assert action.source_type == action_sources.INSPECTION
    assert action.owner_agency == council
    assert action.due_date == date(2016, 3, 31)
    assert action.created_by == manager
    tracker = client_for(manager).get(reverse("action-list", kwargs={"board_slug": board.slug}))
    assert "Ensure the LSCB evaluates the impact of early help" in tracker.content.decode()
    detail = client_for(viewer).get(url(board, "inspection-detail", inspection_id=inspection.pk))
    body = detail.content.decode()
    assert "Ensure the LSCB evaluates the impact of early help" in body
    assert "Not started" in body  # the action's status, shown with the recommendation


def test_recommendations_are_numbered_per_inspection(board):
    agency = AgencyFactory(board=board)
    first, second = ofsted(board), ofsted(board, title="CQC review of health services")
    assert [recommend(first, agency).number for _ in range(2)] == [1, 2]
    assert recommend(second, agency).number == 1


def test_without_an_owner_or_due_date_nothing_is_saved(board, manager, client_for):
    inspection = ofsted(board)
    with pytest.raises(ValidationError) as refused:
        inspection_recommendation_create(
            inspection=inspection, text="Do better", owner_agency=None, due_date=None,
            created_by=None,
        )  # fmt: skip
    assert set(refused.value.message_dict) == {"owner_agency", "due_date"}
    response = client_for(manager).post(
        url(board, "inspection-recommendation-add", inspection_id=inspection.pk),
        {"text": "Do better", "owner_agency": "", "due_date": ""},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose the agency that owns this recommendation" in body
    assert "Enter the action due by" in body
    assert not InspectionRecommendation.objects.exists()
    assert not Action.objects.exists()


def test_another_boards_agency_is_refused(board, other_board, manager, client_for):
    inspection = ofsted(board)
    elsewhere = AgencyFactory(board=other_board, name="Elsewhere Police")
    response = client_for(manager).post(
        url(board, "inspection-recommendation-add", inspection_id=inspection.pk),
        {
            "text": "Do better",
            "owner_agency": str(elsewhere.pk),
            **date_parts("due_date", "31/3/2016"),
        },
    )
    assert response.status_code == 200
    assert "Choose an agency of this board" in response.content.decode()
    with pytest.raises(ValidationError, match="agency of this board"):
        recommend(inspection, elsewhere)
    assert not InspectionRecommendation.objects.exists()
    assert not Action.objects.exists()


def test_the_inspected_agency_must_be_of_this_board(board, other_board, manager, client_for):
    elsewhere = AgencyFactory(board=other_board)
    with pytest.raises(ValidationError, match="agency of this board"):
        ofsted(board, inspected_agency=elsewhere)
    data = form_data(inspected_agency=str(elsewhere.pk))
    response = client_for(manager).post(url(board, "inspection-create"), data)
    assert response.status_code == 200
    assert not Inspection.objects.exists()


# Judgements: all or nothing


def test_judgements_are_saved_per_area_and_replaced_as_a_whole(board, manager, client_for):
    inspection = ofsted(board)
    rows = [
        ("Children who need help and protection", "requires_improvement", ""),
        ("The effectiveness of the LSCB", "requires_improvement", "to be good"),
        ("", "", ""),  # an empty row is no judgement
    ]
    client = client_for(manager)
    target = url(board, "inspection-judgements", inspection_id=inspection.pk)
    response = client.post(target, judgement_data(rows))
    assert response.status_code == 302
    saved = list(inspection.judgements.all())
    assert [j.judgement for j in saved] == [
        "Requires improvement",
        "Requires improvement to be good",
    ]
    # The page shows the saved rows; emptying one removes it.
    page = client.get(target).content.decode()
    assert 'value="The effectiveness of the LSCB"' in page
    response = client.post(target, judgement_data([("", "", ""), rows[1]]))
    assert response.status_code == 302
    assert [j.area for j in inspection.judgements.all()] == ["The effectiveness of the LSCB"]


def test_replacing_judgements_leaves_an_audit_entry_for_each_row(board):
    from board.audit import entries_for_board
    from board.models import AuditEntry

    inspection = ofsted(board)
    inspection_judgements_set(inspection=inspection, judgements=AREAS)
    inspection_judgements_set(inspection=inspection, judgements=AREAS[:1])
    entries = entries_for_board(board).filter(content_type__model="inspectionjudgement")
    assert entries.filter(action=AuditEntry.Action.CREATE).count() == 4
    assert entries.filter(action=AuditEntry.Action.DELETE).count() == 3


def test_a_duplicate_area_refuses_every_row(board, manager, client_for):
    inspection = ofsted(board)
    inspection_judgements_set(inspection=inspection, judgements=AREAS[:1])
    rows = [
        ("", "", ""),  # an empty row: the page still counts it
        ("The effectiveness of the LSCB", "good", ""),
        ("the effectiveness of  the LSCB", "inadequate", ""),
    ]
    response = client_for(manager).post(
        url(board, "inspection-judgements", inspection_id=inspection.pk), judgement_data(rows)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Row 3: “the effectiveness of the LSCB” is judged twice" in body
    assert 'href="#id_form-2-area"' in body  # the summary points to the repeated row
    assert "Nothing has been saved" in body
    # The earlier judgement is untouched, and none of the new rows was saved.
    assert [j.area for j in inspection.judgements.all()] == [AREAS[0].area]


def test_an_invalid_grade_refuses_every_row(board, manager, client_for):
    inspection = ofsted(board)
    with pytest.raises(ValidationError, match="Row 2, grade"):
        inspection_judgements_set(
            inspection=inspection,
            judgements=[AREAS[0], JudgementInput("The effectiveness of the LSCB", "adequate")],
        )
    assert not InspectionJudgement.objects.exists()
    rows = [(AREAS[0].area, "good", ""), ("The effectiveness of the LSCB", "superb", "")]
    response = client_for(manager).post(
        url(board, "inspection-judgements", inspection_id=inspection.pk), judgement_data(rows)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Row 2: Choose the grade from the list" in body
    assert 'href="#id_form-1-grade"' in body  # the summary links to the field
    assert "govuk-select--error" in body
    assert not InspectionJudgement.objects.exists()


def test_a_row_without_an_area_or_a_tampered_formset_saves_nothing(board, manager, client_for):
    inspection = ofsted(board)
    client = client_for(manager)
    target = url(board, "inspection-judgements", inspection_id=inspection.pk)
    response = client.post(target, judgement_data([("", "good", "")]))
    assert response.status_code == 200
    assert "Enter the area judged" in response.content.decode()
    response = client.post(target, {"form-0-area": "No management form", "form-0-grade": "good"})
    assert response.status_code == 200
    response = client.post(target, judgement_data([("Area", "good", "")], total=5000))
    assert response.status_code == 200
    assert not InspectionJudgement.objects.exists()


# Dates and bad input


def test_the_dates_must_be_in_order_and_publication_not_in_the_future(board):
    with pytest.raises(ValidationError, match="must not be before its first day"):
        ofsted(board, end_date=date(2015, 1, 30))
    with pytest.raises(ValidationError, match="cannot be published before the inspection"):
        ofsted(board, published_on=date(2015, 2, 20))
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        ofsted(board, published_on=tomorrow)
    assert not Inspection.objects.exists()


def test_bad_input_on_the_inspection_form_shows_errors_and_saves_nothing(
    board, manager, client_for
):
    client = client_for(manager)
    cases = [
        (date_parts("start_date", "31/2/2015"), "First day of the inspection must be a real date"),
        (date_parts("end_date", "1/1/2015"), "must not be before its first day"),
        (date_parts("published_on", "1/1/2099"), "cannot be in the future"),
        ({"inspectorate": "ombudsman"}, "Choose the inspectorate from the list"),
        ({"overall_judgement": "adequate"}, "Choose the overall judgement from the list"),
        ({"report_url": "javascript:alert(1)"}, "Enter the web address of the report"),
        ({"title": ""}, "Enter the title"),
    ]
    for change, message in cases:
        response = client.post(url(board, "inspection-create"), form_data(**change))
        assert response.status_code == 200, change
        body = response.content.decode()
        assert message in body, change
        assert "govuk-error-summary" in body
    assert not Inspection.objects.exists()


def test_an_edit_with_dates_out_of_order_is_refused(board, manager, client_for):
    inspection = ofsted(board)
    response = client_for(manager).post(
        url(board, "inspection-edit", inspection_id=inspection.pk),
        form_data(**date_parts("start_date", "1/3/2015")),
    )
    assert response.status_code == 200
    assert "must not be before its first day" in response.content.decode()
    inspection.refresh_from_db()
    assert inspection.start_date == date(2015, 2, 2)


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
