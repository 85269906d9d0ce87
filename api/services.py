from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from board.models import User

from .models import ApiToken, hash_token


@transaction.atomic
def api_token_create(*, user: User, name: str, valid_days: int | None) -> tuple[ApiToken, str]:
    """Make a token; returns it with its secret, which is never shown again."""
    secret = ApiToken.new_secret()
    expires = timezone.now() + timedelta(days=valid_days) if valid_days else None
    token = ApiToken(
        user=user, name=name, key_hash=hash_token(secret), key_hint=secret[:9], expires_at=expires
    )
    token.full_clean()
    token.save()
    return token, secret


def api_token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
