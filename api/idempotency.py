"""`Idempotency-Key` for writes that partner systems may retry after a timeout."""

import hashlib
import json
from collections.abc import Callable

from django.db import IntegrityError, transaction
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from board.models import Board

from .models import IdempotentRequest

HEADER = "Idempotency-Key"


class KeyReused(APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "This Idempotency-Key was used before with a different request body."
    default_code = "idempotency_key_reused"


def body_hash(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def replayable(request, write: Callable[[], Response], *, board: Board) -> Response:
    """Run `write` once per (caller, board, endpoint, key): a successful answer is stored
    in the same transaction as the write, and sent again for a retry with the same body.
    A refused request (4xx) is not stored, so it can be corrected and sent with the same
    key."""
    key = request.headers.get(HEADER, "").strip()
    if not key:
        return write()
    if len(key) > 200:
        raise ValidationError({HEADER: ["Use a key of at most 200 characters."]})
    scope = {
        "user": request.user,
        "board": board,
        "endpoint": request.resolver_match.view_name,
        "key": key,
    }
    digest = body_hash(request.data)
    stored = IdempotentRequest.objects.filter(**scope).first()
    if stored is not None:
        return _replay(stored, digest)
    try:
        with transaction.atomic():
            response = write()
            if status.is_success(response.status_code):
                _remember(scope, digest, response)
    except _SameKeyAtOnce:  # our write was rolled back; answer as the first request did
        return _replay(IdempotentRequest.objects.get(**scope), digest)
    return response


class _SameKeyAtOnce(Exception):
    pass


def _remember(scope: dict, digest: str, response: Response) -> None:
    try:
        with transaction.atomic():  # a savepoint: only the key's own insert is judged here
            IdempotentRequest.objects.create(
                **scope,
                request_hash=digest,
                status_code=response.status_code,
                response=response.data,
            )
    except IntegrityError:
        raise _SameKeyAtOnce from None


def _replay(stored: IdempotentRequest, digest: str) -> Response:
    if stored.request_hash != digest:
        raise KeyReused()
    return Response(
        stored.response, status=stored.status_code, headers={"Idempotent-Replayed": "true"}
    )
