"""Export of all of a board's data, and removal of a board entirely."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from board.models import Agency, AuditEntry, Board, RoleAssignment, User
from subgroups.models import SubGroup

from .factories import AgencyFactory, SubGroupFactory


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_export_holds_the_boards_records_and_nothing_of_another_board(
    manager, board, other_board
):
    AgencyFactory(board=board, name="Ours")
    AgencyFactory(board=other_board, name="Theirs")
    parent = SubGroupFactory(board=board, name="QAPP")
    SubGroupFactory(board=board, name="L&D", parent=parent)

    document = json.loads(run("export_board", "--board", board.slug, "--output", "-"))
    records = document["records"]
    names = {r["fields"].get("name") for r in records}
    assert {"Ours", "QAPP", "L&D", board.name} <= names
    assert "Theirs" not in names
    assert [p["fields"]["email"] for p in document["people"]] == [manager.email]
    assert "password" not in json.dumps(document["people"])
    assert any(entry["object_repr"] == "Ours" for entry in document["audit_log"])


def test_removing_a_board_removes_its_records_and_log_but_not_other_boards(
    manager, board, other_board, other_board_manager
):
    AgencyFactory(board=board)
    parent = SubGroupFactory(board=board)
    SubGroupFactory(board=board, parent=parent)  # a protected link inside the same board
    AgencyFactory(board=other_board, name="Survivor")

    output = run("remove_board", "--board", board.slug, "--confirm", board.slug)

    assert "Removed" in output
    assert not Board.objects.filter(pk=board.pk).exists()
    assert not SubGroup.objects.filter(board_id=board.pk).exists()
    assert not RoleAssignment.objects.filter(board_id=board.pk).exists()
    assert not AuditEntry.objects.filter(board_id=board.pk).exists()
    assert User.objects.filter(pk=manager.pk).exists()  # people keep their accounts
    assert Agency.objects.get(board=other_board).name == "Survivor"
    assert RoleAssignment.objects.filter(user=other_board_manager).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--board", "testshire", "--confirm", "testshir"], "must repeat the board's slug"),
        (["--board", "nowhere", "--confirm", "nowhere"], "No board with the slug"),
    ],
)
def test_removal_needs_the_slug_twice_and_a_real_board(board, args, message):
    with pytest.raises(CommandError, match=message):
        run("remove_board", *args)
    assert Board.objects.filter(pk=board.pk).exists()


def test_a_sub_group_with_children_cannot_be_deleted_on_its_own(board):
    from django.db.models import RestrictedError

    parent = SubGroupFactory(board=board)
    SubGroupFactory(board=board, parent=parent)
    with pytest.raises(RestrictedError):
        parent.delete()
