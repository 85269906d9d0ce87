"""All of one board's data: found through the `board` foreign key that every domain
record carries (CONTRIBUTING.md), so new apps are covered without changes here."""

import json
from collections.abc import Iterator

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from .audit import entries_for_board
from .models import AuditEntry, Board, User

# Never exported: credentials.
USER_FIELDS = ("email", "full_name", "is_active", "date_joined")


def board_owned_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if any(
            isinstance(field, models.ForeignKey) and field.related_model is Board
            for field in model._meta.get_fields()
            if field.name == "board"
        )
    ]


def board_records(board: Board) -> Iterator[models.Model]:
    yield board
    for model in board_owned_models():
        yield from model.objects.filter(board=board).order_by("pk")


def export_board(board: Board) -> str:
    """One JSON document: the board's records, its people (no passwords), its audit log."""
    people = User.objects.filter(role_assignments__board=board).distinct().order_by("email")
    document = {
        "board": board.slug,
        "records": json.loads(serializers.serialize("json", board_records(board))),
        "people": json.loads(serializers.serialize("json", people, fields=USER_FIELDS)),
        "audit_log": list(
            entries_for_board(board)
            .order_by("timestamp")
            .values("timestamp", "actor__email", "action", "content_type__model", "object_repr")
        ),
    }
    return json.dumps(document, cls=DjangoJSONEncoder, indent=1)


def stored_files(board: Board) -> Iterator:
    for record in board_records(board):
        for field in record._meta.fields:
            if isinstance(field, models.FileField):
                value = getattr(record, field.name)
                if value:
                    yield value


@transaction.atomic
def remove_board(board: Board) -> dict[str, int]:
    """Delete the board, every record that belongs to it, its stored files and its audit
    log. People keep their accounts (they may sit on other boards) but lose its roles."""
    files = list(stored_files(board))
    board_pk = board.pk
    removed_log = entries_for_board(board).count()
    _, per_model = board.delete()
    # Deleting writes audit entries of its own (the board's among them); remove the
    # board's whole log after that.
    AuditEntry.objects.filter(board_id=board_pk).delete()
    transaction.on_commit(lambda: [file.storage.delete(file.name) for file in files])
    return {"records": sum(per_model.values()), "audit entries": removed_log, "files": len(files)}
