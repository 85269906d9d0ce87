"""What the audit trail tracks: an allow-list, not "everything but". Every record of our
domain apps that belongs to a board (a `board` foreign key, or the board itself) and the
people who sign in; never credentials, authenticator devices, lockouts, sessions, API
tokens or idempotency records, which live in other apps and are simply never registered.

A field whose name looks like a secret (key, token, secret, password, hash) is left out of
every tracked record, so a new model cannot copy one into the trail by accident. An app
that wants one of its records left out calls `exclude` in its AppConfig.ready with the
reason; tests/security/test_audit_secrets.py fails on a board record that is neither
tracked nor excluded."""

import re

from auditlog.registry import auditlog
from django.apps import apps
from django.db import models

from core.project import our_app_configs

from .models import Board, User

SECRET_NAME = re.compile(r"key|token|secret|password|hash", re.IGNORECASE)
USER_UNTRACKED_FIELDS = ("password", "last_login")
# The board is a column of every entry already; tracking it as a field would only make
# each entry look the board up again when the log is shown.
NEVER_TRACKED_FIELDS = ("board",)

# label -> why it is not tracked. Apps add theirs with `exclude`.
EXCLUDED_MODELS: dict[str, str] = {}


def looks_secret(field_name: str) -> bool:
    return bool(SECRET_NAME.search(field_name))


def is_board_record(model: type[models.Model]) -> bool:
    if model is Board:
        return True
    return any(
        isinstance(field, models.ForeignKey) and field.related_model is Board
        for field in model._meta.fields
        if field.name == "board"
    )


def domain_models() -> list[type[models.Model]]:
    return [
        model
        for config in our_app_configs()
        for model in config.get_models()
        if is_board_record(model) and model is not apps.get_model("board", "AuditEntry")
    ]


def track(model: type[models.Model], *, exclude_fields: tuple[str, ...] = ()) -> None:
    """Track the model's writes (again, with these options if it was tracked already)."""
    secret = [field.name for field in model._meta.concrete_fields if looks_secret(field.name)]
    auditlog.unregister(model)
    auditlog.register(model, exclude_fields=[*NEVER_TRACKED_FIELDS, *exclude_fields, *secret])


def exclude(model: type[models.Model], *, reason: str) -> None:
    if not reason:
        raise ValueError("Say why the record is left out of the audit trail")
    auditlog.unregister(model)
    EXCLUDED_MODELS[model._meta.label] = reason


def track_domain_models() -> None:
    for model in domain_models():
        if model._meta.label not in EXCLUDED_MODELS:
            track(model)
    track(User, exclude_fields=USER_UNTRACKED_FIELDS)


def tracked_field_names(model: type[models.Model]) -> list[str]:
    """The fields whose values a tracked model's entries record."""
    options = auditlog.get_model_fields(model)
    include, excluded = options["include_fields"], options["exclude_fields"]
    return [
        field.name
        for field in model._meta.concrete_fields
        if (not include or field.name in include) and field.name not in excluded
    ]
