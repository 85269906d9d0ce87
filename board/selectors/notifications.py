from django.db.models import QuerySet

from ..models import Board, Notification, User


def notifications_for(board: Board, user: User) -> QuerySet[Notification]:
    """The person's own notifications on this board, newest first (never another
    board's, never anyone else's)."""
    return Notification.objects.filter(board=board, recipient=user).order_by("-created_at")


def unread_count(board: Board, user: User) -> int:
    """The header's figure: one COUNT over an index."""
    return notifications_for(board, user).filter(read_at__isnull=True).count()
