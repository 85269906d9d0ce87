"""Audits, continued: the board's editable rating scale, re-audits planned and linked to
the audit they follow, findings turned into actions, and a paged list."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from board.models import Action
from reviews.assurance.models import Audit, AuditRecommendation, RatingLevel
from reviews.assurance.services.audits import audit_create, rating_level_save, rating_levels
from tests.factories import AgencyFactory
from tests.forms import date_parts
from tests.reviews.assurance.test_audits import AUDIT, form_data, levels_by_name, mash_audit, url


def test_the_manager_adds_a_rating_and_new_audits_ask_for_it(board, manager, client_for):
    client = client_for(manager)
    response = client.post(
        url(board, "audit-rating-add"), {"name": "Good with outstanding features", "position": "2"}
    )
    assert response.status_code == 302
    level = RatingLevel.objects.get(board=board, name="Good with outstanding features")
    assert level.is_active
    form = client.get(url(board, "audit-create")).content.decode()
    assert f'name="rating_{level.pk}"' in form
    assert "Cases rated good with outstanding features" in form


def test_a_retired_rating_keeps_past_counts_and_is_not_asked_for(board, manager, client_for):
    audit = mash_audit(board)  # 20 of its 135 cases rated outstanding
    inadequate = levels_by_name(board)["Inadequate"]
    outstanding = levels_by_name(board)["Outstanding"]
    client = client_for(manager)
    response = client.post(
        url(board, "audit-rating-edit", level_id=outstanding.pk),
        {"name": "Outstanding", "position": "1"},  # the box left unticked retires it
    )
    assert response.status_code == 302
    outstanding.refresh_from_db()
    assert not outstanding.is_active
    assert outstanding not in rating_levels(board=board)
    assert inadequate in rating_levels(board=board)
    # The past audit still shows its 20 outstanding cases, as 14.8% of 135.
    detail = client.get(url(board, "audit-detail", audit_id=audit.pk)).content.decode()
    assert "14.8%" in detail
    form = client.get(url(board, "audit-create")).content.decode()
    assert f'name="rating_{outstanding.pk}"' not in form
    scale = client.get(url(board, "audit-rating-scale")).content.decode()
    assert "Retired" in scale


def test_a_rating_name_cannot_be_used_twice_or_left_empty(board, manager, client_for):
    rating_levels(board=board)
    client = client_for(manager)
    for name, error in (("good", "already has a rating called good"), ("", "Enter the name")):
        response = client.post(url(board, "audit-rating-add"), {"name": name, "position": "5"})
        assert response.status_code == 200
        assert error in response.content.decode()
    response = client.post(url(board, "audit-rating-add"), {"name": "X", "position": "-1"})
    assert "The position must be 1 or more" in response.content.decode()
    assert RatingLevel.objects.filter(board=board).count() == 4


def test_the_last_rating_in_use_cannot_be_retired(board):
    levels = rating_levels(board=board)
    for level in levels[:-1]:
        rating_level_save(board=board, level=level, name=level.name, position=1, is_active=False)
    last = levels[-1]
    with pytest.raises(ValidationError, match="at least one rating in use"):
        rating_level_save(board=board, level=last, name=last.name, position=1, is_active=False)


def test_another_boards_rating_is_not_found_and_only_the_manager_edits_the_scale(
    board, other_board, manager, subgroup_chair, other_board_manager, client_for
):
    level = rating_levels(board=board)[0]
    response = client_for(other_board_manager).post(
        url(other_board, "audit-rating-edit", level_id=level.pk), {"name": "Hijacked"}
    )
    assert response.status_code == 404
    response = client_for(subgroup_chair).post(
        url(board, "audit-rating-edit", level_id=level.pk), {"name": "Hijacked", "position": "1"}
    )
    assert response.status_code == 403
    level.refresh_from_db()
    assert level.name == "Outstanding"
    with pytest.raises(ValidationError):
        rating_level_save(board=other_board, level=level, name="X", position=1, is_active=True)


def test_a_reaudit_is_planned_then_linked_both_ways(board, subgroup_chair, client_for):
    first = mash_audit(board, reaudit_planned_for=date(2016, 1, 31))
    client = client_for(subgroup_chair)
    detail = client.get(url(board, "audit-detail", audit_id=first.pk)).content.decode()
    assert "Planned for 31 January 2016" in detail
    data = form_data(board, Good=100) | {
        "title": "MASH decisions re-audit",
        **date_parts("period_start", "1/4/2015"),
        **date_parts("period_end", "31/12/2015"),
        "follows_up": str(first.pk),
    }
    response = client.post(url(board, "audit-create"), data)
    assert response.status_code == 302
    second = Audit.objects.get(title="MASH decisions re-audit")
    assert second.follows_up == first
    detail = client.get(url(board, "audit-detail", audit_id=first.pk)).content.decode()
    assert "MASH decisions re-audit" in detail
    assert "Planned for" not in detail
    detail = client.get(url(board, "audit-detail", audit_id=second.pk)).content.decode()
    assert "Re-audit of" in detail


def test_a_reaudit_must_follow_an_earlier_audit_of_the_same_board(
    board, other_board, manager, client_for
):
    first = mash_audit(board)
    with pytest.raises(ValidationError, match="period ending after"):
        audit_create(board=board, counts={}, follows_up=first, **{**AUDIT, "title": "Too soon"})
    foreign = mash_audit(other_board)
    response = client_for(manager).post(
        url(board, "audit-create"), form_data(board) | {"follows_up": str(foreign.pk)}
    )
    assert response.status_code == 200
    assert "Choose the audit this re-audits from the list" in response.content.decode()
    # An audit cannot be its own re-audit: it is not offered on its own edit page.
    edit = client_for(manager).get(url(board, "audit-edit", audit_id=first.pk)).content.decode()
    assert f'<option value="{first.pk}"' not in edit
    assert Audit.objects.filter(board=board).count() == 1


def test_a_finding_becomes_an_action_linked_to_it(board, subgroup_chair, client_for):
    audit = mash_audit(board)
    finding = audit.findings.create(board=board, text="Strategy discussions were late.")
    police = AgencyFactory(board=board, name="Testshire Police")
    client = client_for(subgroup_chair)
    detail = client.get(url(board, "audit-detail", audit_id=audit.pk)).content.decode()
    assert "Make this finding an action" in detail
    form_url = url(board, "audit-recommendation-add", audit_id=audit.pk) + f"?finding={finding.pk}"
    form = client.get(form_url).content.decode()
    assert "Strategy discussions were late." in form  # the text starts from the finding
    response = client.post(
        form_url,
        {
            "finding": str(finding.pk),
            "text": "Hold strategy discussions within a working day",
            "owner_agency": str(police.pk),
            **date_parts("due_date", "30/6/2016"),
        },
    )
    assert response.status_code == 302
    recommendation = AuditRecommendation.objects.get()
    assert recommendation.finding == finding
    assert Action.objects.for_source(recommendation).get().owner_agency == police
    detail = client.get(url(board, "audit-detail", audit_id=audit.pk)).content.decode()
    assert "Answers the finding: Strategy discussions were late." in detail


def test_a_finding_of_another_audit_is_refused(board, manager, client_for):
    audit = mash_audit(board)
    other = mash_audit(board, title="Police protection")
    elsewhere = other.findings.create(board=board, text="Another audit's finding")
    police = AgencyFactory(board=board)
    client = client_for(manager)
    form_url = url(board, "audit-recommendation-add", audit_id=audit.pk)
    assert "Another audit" not in client.get(f"{form_url}?finding={elsewhere.pk}").content.decode()
    assert client.get(f"{form_url}?finding=not-a-uuid").status_code == 200
    response = client.post(
        form_url,
        {
            "finding": str(elsewhere.pk),
            "text": "Do better",
            "owner_agency": str(police.pk),
            **date_parts("due_date", "30/6/2016"),
        },
    )
    assert response.status_code == 200
    assert not AuditRecommendation.objects.exists()
    assert not Action.objects.exists()


def test_the_list_pages_after_25_audits(board, viewer, client_for):
    for number in range(27):
        mash_audit(board, title=f"Audit {number:02d}")
    client = client_for(viewer)
    first = client.get(url(board, "audit-list")).content.decode()
    assert ">Audit 24<" in first
    assert ">Audit 25<" not in first
    assert "govuk-pagination" in first
    second = client.get(url(board, "audit-list") + "?page=2").content.decode()
    assert ">Audit 25<" in second
    assert ">Audit 26<" in second
    assert ">Audit 00<" not in second
