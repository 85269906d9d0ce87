"""Authenticator keys, lockout records, sessions and API credentials never reach the audit
trail: only the board's domain records (and people, without their password) are tracked."""

import json

import pytest
from auditlog import get_logentry_model
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.sessions.models import Session
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from board.audit_tracking import EXCLUDED_MODELS, looks_secret, tracked_field_names
from board.models import BoardOwnedModel, User

# Records that hold or guard credentials: never tracked, whatever the settings say.
NEVER_TRACKED_APPS = {"otp_totp", "otp_static", "django_otp", "axes", "sessions", "api", "auth"}
OUR_APPS = {
    "board",
    "subgroups",
    "child_deaths",
    "case_reviews",
    "assurance",
    "datasets",
    "reports",
    "jtai",
}


def entry_text(entry) -> str:
    return json.dumps([entry.changes, entry.serialized_data, entry.changes_text], default=str)


def test_an_authenticator_leaves_no_trace_in_the_audit_trail(manager):
    Entry = get_logentry_model()
    before = Entry.objects.count()
    device = TOTPDevice.objects.create(user=manager, name="Phone", confirmed=True)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    assert device.verify_token(f"{code:0{device.digits}d}")  # a code entered at sign-in
    device.delete()
    assert Entry.objects.count() == before
    assert not [entry for entry in Entry.objects.all() if device.key in entry_text(entry)]


@pytest.mark.parametrize(
    "model",
    sorted(auditlog.get_models(), key=lambda model: model._meta.label),
    ids=lambda model: model._meta.label,
)
def test_no_tracked_field_looks_like_a_secret(model):
    assert not [name for name in tracked_field_names(model) if looks_secret(name)]


def test_only_our_domain_records_and_people_are_tracked():
    tracked = {model._meta.app_label for model in auditlog.get_models()}
    assert tracked <= OUR_APPS
    assert not tracked & NEVER_TRACKED_APPS
    for model in (TOTPDevice, Session, *apps.get_app_config("axes").get_models()):
        assert not auditlog.contains(model)


def test_people_are_tracked_without_their_password():
    assert auditlog.contains(User)
    assert not {"password", "last_login"} & set(tracked_field_names(User))


def board_owned_models() -> list:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BoardOwnedModel) or any(f.name == "board" for f in model._meta.fields)
    ]


@pytest.mark.parametrize("model", board_owned_models(), ids=lambda model: model._meta.label)
def test_every_board_record_is_tracked_or_left_out_for_a_reason(model):
    if model is get_logentry_model():
        return  # the audit trail itself
    reason = EXCLUDED_MODELS.get(model._meta.label)
    assert auditlog.contains(model) != bool(reason), (
        f"{model._meta.label}: track it, or add it to EXCLUDED_MODELS with a reason"
    )
