"""Action sources register themselves: `board` lists none of the apps that build on it,
and a new source needs neither a board migration nor a board edit."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from board import action_sources
from board.models import Action
from board.services.actions import action_create
from reviews.assurance.models import Audit
from reviews.assurance.services.audits import audit_recommendation_create
from tests.factories import AgencyFactory

from .factories import MeetingFactory

DUE = datetime.date(2015, 3, 31)


@pytest.fixture
def temporary_source():
    key = "peer_review"
    action_sources.register(key, "Peer review", app_label="tests", link=lambda _: "/peer/")
    yield key
    action_sources.unregister(key)


def test_a_new_source_is_stored_and_named_without_a_board_migration(
    db, board, manager, temporary_source
):
    action = action_create(
        board=board,
        description="Share the peer review",
        owner_agency=AgencyFactory(board=board),
        due_date=DUE,
        source_type=temporary_source,
        created_by=manager,
    )
    action.refresh_from_db()
    assert action.source_type == "peer_review"
    assert action.get_source_type_display() == "Peer review"
    out = StringIO()
    call_command("makemigrations", "board", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_an_unknown_source_is_refused_when_the_action_is_checked(db, board, manager):
    with pytest.raises(ValidationError) as raised:
        action_create(
            board=board,
            description="x",
            owner_agency=AgencyFactory(board=board),
            due_date=DUE,
            source_type="peer_review",
            created_by=manager,
        )
    assert "source_type" in raised.value.message_dict
    assert not Action.objects.exists()


def test_the_apps_that_build_on_board_register_their_own_sources():
    registered = dict(action_sources.choices())
    assert registered["direct"] == "Recorded directly"  # board's own
    assert registered["section_11"] == "Section 11 self-assessment"  # registered by assurance
    assert registered["audit"] == "Audit"
    assert action_sources.get("audit").app_label == "assurance"
    assert action_sources.get("cdop").app_label == "child_deaths"
    assert action_sources.get("serious_case_review").app_label == "case_reviews"
    assert action_sources.get("meeting").app_label == "board"


def test_an_audit_action_links_back_to_its_audit(db, board, manager, client_for):
    audit = Audit.objects.create(
        board=board,
        title="Thresholds audit",
        audit_type="multi_agency",
        period_start=datetime.date(2014, 4, 1),
        period_end=datetime.date(2015, 3, 31),
        sample_size=12,
    )
    recommendation = audit_recommendation_create(
        audit=audit,
        text="Refresh threshold training",
        owner_agency=AgencyFactory(board=board),
        due_date=DUE,
        created_by=manager,
    )
    action = Action.objects.for_source(recommendation).get()
    page = client_for(manager).get(
        reverse("action-detail", kwargs={"board_slug": board.slug, "pk": action.pk})
    )
    audit_url = reverse(
        "assurance:audit-detail", kwargs={"board_slug": board.slug, "audit_id": audit.pk}
    )
    assert page.status_code == 200
    assert f'href="{audit_url}"' in page.content.decode()


def test_a_meeting_action_links_back_to_its_meeting(db, board, manager, client_for):
    meeting = MeetingFactory(board=board)
    action = action_create(
        board=board,
        description="Circulate the minutes",
        owner_agency=AgencyFactory(board=board),
        due_date=DUE,
        source=meeting,
        created_by=manager,
    )
    page = client_for(manager).get(
        reverse("action-detail", kwargs={"board_slug": board.slug, "pk": action.pk})
    )
    meeting_url = reverse("meeting-detail", kwargs={"board_slug": board.slug, "pk": meeting.pk})
    assert action.get_source_type_display() == "Meeting decision"
    assert f'href="{meeting_url}"' in page.content.decode()
