"""Making and revoking a person's calendar feed."""

from django.db import transaction

from ..models import Board, CalendarFeed, User
from ..models.calendar import token_hash


@transaction.atomic
def calendar_feed_renew(*, board: Board, user: User) -> str:
    """A new secret address for the person's feed, the old one stopping at once. Answers
    the token, which is never stored: the caller shows it once."""
    CalendarFeed.objects.filter(board=board, user=user).delete()
    token = CalendarFeed.new_token()
    feed = CalendarFeed(board=board, user=user, token_hash=token_hash(token))
    feed.full_clean()
    feed.save()
    return token


@transaction.atomic
def calendar_feed_revoke(*, board: Board, user: User) -> int:
    deleted, _ = CalendarFeed.objects.filter(board=board, user=user).delete()
    return deleted
