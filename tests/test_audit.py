"""Writes leave an audit entry naming who, when, what changed and on which board."""

from django.urls import reverse

from board.audit import entries_for_board, log_access
from board.models import Agency, AuditEntry, Sector

from .factories import AgencyFactory


def test_creating_and_changing_a_record_is_logged_with_its_board(board, other_board):
    agency = AgencyFactory(board=board, name="Police")
    agency.name = "Metropolitan Police Service"
    agency.save()
    AgencyFactory(board=other_board)

    entries = entries_for_board(board).filter(content_type__model="agency")
    assert [entry.action for entry in entries.order_by("timestamp")] == [
        AuditEntry.Action.CREATE,
        AuditEntry.Action.UPDATE,
    ]
    update = entries.get(action=AuditEntry.Action.UPDATE)
    assert update.changes_dict["name"] == ["Police", "Metropolitan Police Service"]


def test_a_write_in_a_request_names_the_person(client_for, manager, board):
    # A write made while handling a request is attributed by the audit middleware; the
    # admin is the one write path we have before the board pages arrive.
    manager.is_staff = True
    manager.is_superuser = True
    manager.save()
    client = client_for(manager)
    response = client.post(
        reverse("admin:board_agency_add"),
        {"board": board.pk, "name": "CAFCASS", "sector": Sector.CAFCASS},
    )
    assert response.status_code == 302
    entry = entries_for_board(board).get(object_pk=str(Agency.objects.get(name="CAFCASS").pk))
    assert entry.actor == manager


def test_passwords_never_reach_the_audit_trail(manager):
    manager.set_password("another-long-password-1")
    manager.save()
    for entry in AuditEntry.objects.get_for_object(manager):
        assert "password" not in entry.changes_dict


def test_a_read_of_a_restricted_record_can_be_logged(board):
    agency = AgencyFactory(board=board)
    log_access(agency)
    assert entries_for_board(board).filter(action=AuditEntry.Action.ACCESS).count() == 1
