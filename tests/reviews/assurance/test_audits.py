"""Audits: percentages computed from the counts, counts over the sample size refused with
nothing saved, recommendations that become actions in the board's tracker, and who may
read and write."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from board.models import Action
from reviews.assurance import action_sources
from reviews.assurance.models import Audit, AuditFinding, AuditRating, AuditRecommendation
from reviews.assurance.selectors.audits import rating_rows
from reviews.assurance.services.audits import (
    audit_create,
    audit_recommendation_create,
    audit_update,
    rating_levels,
)
from tests.factories import AgencyFactory
from tests.forms import date_parts

AUDIT = {
    "title": "MASH decisions",
    "audit_type": "multi_agency",
    "commissioned_by": "Quality assurance sub-group",
    "period_start": date(2014, 4, 1),
    "period_end": date(2015, 3, 31),
    "sample_size": 135,
}


def levels_by_name(board) -> dict:
    return {level.name: level for level in rating_levels(board=board)}


def mash_audit(board, **overrides) -> Audit:
    levels = levels_by_name(board)
    counts = {levels["Outstanding"]: 20, levels["Good"]: 76, levels["Requires improvement"]: 30}
    return audit_create(board=board, counts=counts, **{**AUDIT, **overrides})


def url(board, name, **kwargs) -> str:
    return reverse(f"assurance:{name}", kwargs={"board_slug": board.slug, **kwargs})


def form_data(board, **counts) -> dict:
    levels = levels_by_name(board)
    data = {
        "title": "MASH decisions",
        "audit_type": "multi_agency",
        "commissioned_by": "Quality assurance sub-group",
        **date_parts("period_start", "1/4/2014"),
        **date_parts("period_end", "31/3/2015"),
        "sample_size": "135",
    }
    for name, level in levels.items():
        data[f"rating_{level.pk}"] = str(counts.get(name, 0))
    return data


def test_the_scale_is_seeded_once_in_order(board):
    assert [level.name for level in rating_levels(board=board)] == [
        "Outstanding",
        "Good",
        "Requires improvement",
        "Inadequate",
    ]
    rating_levels(board=board)
    assert len(rating_levels(board=board)) == 4


def test_96_of_135_is_71_point_1_percent(board):
    levels = levels_by_name(board)
    audit = audit_create(board=board, counts={levels["Good"]: 96}, **AUDIT)
    rows = {row.name: row for row in rating_rows(audit)}
    assert rows["Good"].count == 96
    assert rows["Good"].percent == Decimal("71.1")


def test_the_detail_page_shows_the_percentages(board, viewer, client_for):
    audit = mash_audit(board)
    response = client_for(viewer).get(url(board, "audit-detail", audit_id=audit.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "56.3%" in body  # 76 of 135
    assert "14.8%" in body  # 20 of 135
    assert "126 of 135" in body
    list_page = client_for(viewer).get(url(board, "audit-list"))
    assert "MASH decisions" in list_page.content.decode()


def test_counts_over_the_sample_size_are_refused_and_nothing_is_saved(board):
    levels = levels_by_name(board)
    with pytest.raises(ValidationError, match="add up to 140, more than the 135 cases"):
        audit_create(board=board, counts={levels["Good"]: 100, levels["Inadequate"]: 40}, **AUDIT)
    assert not Audit.objects.exists()
    assert not AuditRating.objects.exists()


def test_the_form_refuses_counts_over_the_sample_size(board, subgroup_chair, client_for):
    data = form_data(board, Good=100, Inadequate=40)
    response = client_for(subgroup_chair).post(url(board, "audit-create"), data)
    assert response.status_code == 200
    assert "more than the 135 cases audited" in response.content.decode()
    assert not Audit.objects.exists()


def test_an_edit_that_takes_the_counts_over_the_sample_is_refused(board, manager, client_for):
    audit = mash_audit(board)
    data = form_data(board, Outstanding=20, Good=76, **{"Requires improvement": 30})
    data["sample_size"] = "100"
    response = client_for(manager).post(url(board, "audit-edit", audit_id=audit.pk), data)
    assert response.status_code == 200
    assert "more than the 100 cases audited" in response.content.decode()
    audit.refresh_from_db()
    assert audit.sample_size == 135


def test_the_period_must_end_after_it_starts(board):
    with pytest.raises(ValidationError, match="end of the period must be after"):
        audit_create(board=board, counts={}, **{**AUDIT, "period_end": date(2014, 4, 1)})
    assert not Audit.objects.exists()


def test_bad_input_on_the_form_is_an_error_not_a_crash(board, manager, client_for):
    data = form_data(board, Good=-1)
    data |= date_parts("period_start", "31/2/2014")
    response = client_for(manager).post(url(board, "audit-create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Start of the period covered must be a real date" in body
    assert "cannot be negative" in body
    assert not Audit.objects.exists()


def test_the_sub_group_chair_records_an_audit_and_edits_its_ratings(
    board, subgroup_chair, client_for
):
    client = client_for(subgroup_chair)
    response = client.post(url(board, "audit-create"), form_data(board, Good=96))
    audit = Audit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(board, "audit-detail", audit_id=audit.pk)
    assert audit.board == board
    data = form_data(board, Good=96, Outstanding=10)
    response = client.post(url(board, "audit-edit", audit_id=audit.pk), data)
    assert response.status_code == 302
    counts = {rating.level.name: rating.count for rating in audit.ratings.all()}
    assert counts["Outstanding"] == 10
    assert counts["Good"] == 96


def test_a_recommendation_becomes_an_action_the_manager_sees_in_the_tracker(
    board, subgroup_chair, manager, client_for
):
    audit = mash_audit(board)
    police = AgencyFactory(board=board, name="Testshire Police")
    client = client_for(subgroup_chair)
    response = client.post(
        url(board, "audit-finding-add", audit_id=audit.pk),
        {"text": "Thresholds were applied inconsistently."},
    )
    assert response.status_code == 302
    response = client.post(
        url(board, "audit-recommendation-add", audit_id=audit.pk),
        {
            "text": "Refresh threshold training for MASH staff",
            "owner_agency": str(police.pk),
            **date_parts("due_date", "31/3/2016"),
        },
    )
    assert response.status_code == 302
    recommendation = AuditRecommendation.objects.get()
    action = Action.objects.for_source(recommendation).get()
    assert action.source_type == action_sources.AUDIT
    assert action.owner_agency == police
    assert action.board == board
    tracker = client_for(manager).get(reverse("action-list", kwargs={"board_slug": board.slug}))
    assert "Refresh threshold training for MASH staff" in tracker.content.decode()
    detail = client_for(manager).get(url(board, "audit-detail", audit_id=audit.pk))
    assert "Thresholds were applied inconsistently." in detail.content.decode()


def test_a_recommendation_without_an_owner_saves_nothing(board, manager, client_for):
    audit = mash_audit(board)
    response = client_for(manager).post(
        url(board, "audit-recommendation-add", audit_id=audit.pk),
        {"text": "Do better", "owner_agency": "", **date_parts("due_date", "31/3/2016")},
    )
    assert response.status_code == 200
    assert "Choose the agency that owns this recommendation" in response.content.decode()
    assert not AuditRecommendation.objects.exists()
    assert not Action.objects.exists()


def test_another_boards_agency_is_refused(board, other_board, manager, client_for):
    audit = mash_audit(board)
    elsewhere = AgencyFactory(board=other_board, name="Elsewhere Police")
    response = client_for(manager).post(
        url(board, "audit-recommendation-add", audit_id=audit.pk),
        {
            "text": "Do better",
            "owner_agency": str(elsewhere.pk),
            **date_parts("due_date", "31/3/2016"),
        },
    )
    assert response.status_code == 200
    assert not AuditRecommendation.objects.exists()
    with pytest.raises(ValidationError):
        audit_recommendation_create(
            audit=audit,
            text="Do better",
            owner_agency=elsewhere,
            due_date=date(2016, 3, 31),
            created_by=manager,
        )
    assert not Action.objects.exists()


def test_another_boards_audit_is_not_found(board, other_board, other_board_manager, client_for):
    audit = mash_audit(board)
    client = client_for(other_board_manager)
    for name in ("audit-detail", "audit-edit", "audit-finding-add"):
        assert client.get(url(board, name, audit_id=audit.pk)).status_code == 404
    # Through its own board's address, the audit of another board does not exist either.
    for name in ("audit-detail", "audit-edit", "audit-finding-add", "audit-recommendation-add"):
        response = client.get(url(other_board, name, audit_id=audit.pk))
        assert response.status_code == 404
    response = client.post(
        url(other_board, "audit-finding-add", audit_id=audit.pk), {"text": "Sneaky"}
    )
    assert response.status_code == 404
    assert not AuditFinding.objects.exists()


def test_readers_cannot_write(board, viewer, board_member, client_for):
    audit = mash_audit(board)
    for user in (viewer, board_member):
        client = client_for(user)
        assert client.get(url(board, "audit-detail", audit_id=audit.pk)).status_code == 200
        assert client.post(url(board, "audit-create"), form_data(board)).status_code == 403
        response = client.post(
            url(board, "audit-finding-add", audit_id=audit.pk), {"text": "Not mine to add"}
        )
        assert response.status_code == 403
    assert Audit.objects.count() == 1
    assert not AuditFinding.objects.exists()


def test_update_keeps_counts_not_given(board):
    audit = mash_audit(board)
    levels = levels_by_name(board)
    with pytest.raises(ValidationError):
        audit_update(audit=audit, counts={levels["Inadequate"]: 10})  # 126 + 10 > 135
    audit_update(audit=audit, counts={levels["Inadequate"]: 9})
    assert sum(rating.count for rating in audit.ratings.all()) == 135


def test_the_list_issues_a_constant_number_of_queries(
    board, viewer, client_for, django_assert_max_num_queries
):
    client = client_for(viewer)
    mash_audit(board)
    client.get(url(board, "audit-list"))
    with django_assert_max_num_queries(25) as small:
        assert client.get(url(board, "audit-list")).status_code == 200
    for number in range(6):
        mash_audit(board, title=f"Audit {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url(board, "audit-list")).status_code == 200
