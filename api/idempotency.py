"""`Idempotency-Key` for writes that partner systems may retry after a timeout, and the
answer to a write that collides with another request sent at the same moment.

A keyed write first reserves its key: it inserts the key's row, in progress, and commits
it, so that the unique constraint on (person, board, endpoint, key) picks one request
among those sent at once, whichever process each reaches. That one writes, and records
its answer (done) in the write's own transaction. The others wait a moment for the answer
and replay it; if the first is still writing, they answer 409 "in progress" with
Retry-After. A refused (4xx) or failed write deletes its reservation, so the request can
be corrected and sent again with the same key. A reservation left by a process that died
mid-write is taken over once it is older than any request can run.

Without a key, a write that meets a unique constraint because another request inserted
the same record meanwhile answers 409 naming the constraint, never a 500."""

import hashlib
import json
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from board.models import Board

from .errors import Conflict
from .models import IdempotentRequest

HEADER = "Idempotency-Key"
# A retry sent while the first is still writing waits this long for its answer: a usual
# bulk write finishes within it, and the retry still answers well inside a client timeout.
WAIT_FOR_FIRST_SECONDS = 3.0
POLL_SECONDS = 0.05
RETRY_AFTER_SECONDS = 5
# Longer than any request runs (gunicorn stops one at 30 s): an in-progress key older than
# this belongs to a process that died, and the next request with the key writes instead.
ABANDONED_AFTER = timedelta(minutes=5)
UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE

Status = IdempotentRequest.Status
log = logging.getLogger(__name__)


class KeyReused(APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "This Idempotency-Key was used before with a different request body."
    default_code = "idempotency_key_reused"


class KeyInProgress(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = (
        "A request with this Idempotency-Key is still being processed. Send it again in a "
        "few seconds to get its answer."
    )
    default_code = "idempotency_key_in_progress"
    wait = RETRY_AFTER_SECONDS  # DRF sends it as Retry-After


def body_hash(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def replayable(request, write: Callable[[], Response], *, board: Board) -> Response:
    """Run `write` once per (caller, board, endpoint, key), and answer its retries with the
    stored answer; without a key, run it with collisions answered 409 (see the module)."""
    key = request.headers.get(HEADER, "").strip()
    if not key:
        return collisions_answered(write)
    if len(key) > 200:
        raise ValidationError({HEADER: ["Use a key of at most 200 characters."]})
    scope = {
        "user": request.user,
        "board": board,
        "endpoint": request.resolver_match.view_name,
        "key": key,
    }
    claimed = _claim(scope, body_hash(request.data))
    if isinstance(claimed, Response):
        return claimed
    return _write_once(claimed, write)


def collisions_answered(write: Callable[[], Response]) -> Response:
    """Run `write` in a transaction; a unique constraint met because another request wrote
    the same record at the same moment becomes 409 naming it, and nothing is kept."""
    try:
        with transaction.atomic():
            return write()
    except IntegrityError as exc:
        constraint = _unique_constraint(exc)
        if constraint is None:
            raise
        raise Conflict(
            {
                "detail": "Another request saved the same record at the same moment. Nothing "
                "from this request was saved: send it again to compare with what is stored.",
                "constraint": constraint,
            }
        ) from exc


def _unique_constraint(exc: IntegrityError) -> str | None:
    """The name of the unique constraint `exc` reports, or None for another error."""
    cause = exc.__cause__
    code = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)
    if code is None:  # SQLite names no constraint, only the columns
        return str(exc) if "UNIQUE" in str(exc) else None
    if code != UNIQUE_VIOLATION:
        return None
    return getattr(getattr(cause, "diag", None), "constraint_name", None) or "unique"


def _claim(scope: dict, digest: str) -> IdempotentRequest | Response:
    """Reserve the key (the row, committed, in progress), or return the stored answer."""
    deadline = time.monotonic() + WAIT_FOR_FIRST_SECONDS
    while True:
        try:
            with transaction.atomic():
                return IdempotentRequest.objects.create(
                    **scope, request_hash=digest, status=Status.IN_PROGRESS
                )
        except IntegrityError as exc:
            if _unique_constraint(exc) is None:
                raise  # not the key being taken (its person or board is gone, say)
            # The key is taken: by an answer to replay, or by a request still writing.
        stored = IdempotentRequest.objects.filter(**scope).first()
        if stored is None:
            continue  # the first was refused and let go of the key meanwhile: claim it
        if stored.request_hash != digest:
            raise KeyReused()
        if stored.status == Status.DONE:
            return _replay(stored)
        if stored.updated_at < timezone.now() - ABANDONED_AFTER:
            _forget_abandoned(stored)
            continue
        if time.monotonic() >= deadline:
            raise KeyInProgress()
        time.sleep(POLL_SECONDS)


def _forget_abandoned(stored: IdempotentRequest) -> None:
    log.warning("Idempotency-Key %s was left in progress since %s", stored.pk, stored.updated_at)
    IdempotentRequest.objects.filter(
        pk=stored.pk, status=Status.IN_PROGRESS, updated_at=stored.updated_at
    ).delete()


def _write_once(reservation: IdempotentRequest, write: Callable[[], Response]) -> Response:
    try:
        with transaction.atomic():
            response = collisions_answered(write)
            if status.is_success(response.status_code):
                _record(reservation, response)
                return response
    except BaseException:
        _let_go(reservation)
        raise
    _let_go(reservation)  # refused: the caller may correct the request and keep the key
    return response


def _record(reservation: IdempotentRequest, response: Response) -> None:
    """The answer, in the write's transaction: a replay never sees a write not committed."""
    recorded = IdempotentRequest.objects.filter(
        pk=reservation.pk, status=Status.IN_PROGRESS
    ).update(
        status=Status.DONE,
        status_code=response.status_code,
        response=response.data,
        updated_at=timezone.now(),
    )
    if not recorded:  # taken over as abandoned meanwhile: the other request's write stands
        raise KeyInProgress()


def _let_go(reservation: IdempotentRequest) -> None:
    try:
        with transaction.atomic():
            IdempotentRequest.objects.filter(pk=reservation.pk, status=Status.IN_PROGRESS).delete()
    except DatabaseError:  # the database is away: the key is taken over once abandoned
        log.exception("Could not let go of Idempotency-Key %s", reservation.pk)


def _replay(stored: IdempotentRequest) -> Response:
    headers = {"Idempotent-Replayed": "true"}
    body = stored.response
    if stored.status_code == 202 and isinstance(body, dict) and body.get("status_url"):
        headers["Location"] = body["status_url"]  # accepted for a job: where it stands
    return Response(body, status=stored.status_code, headers=headers)
