from django.conf import settings
from django.db import models

from .base import TimestampedModel
from .boards import Board, Role


class RoleGrant(TimestampedModel):
    """Why a user holds an access role: one row per reason (a membership, a sub-group
    chair's post, a CDOP membership, or "manual" for a role given by hand). The role
    (RoleAssignment) lasts while at least one reason does. See board/services/roles.py."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants"
    )
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=30, choices=Role.choices)
    source = models.CharField(
        max_length=120, help_text='What gives the role, e.g. "board.membership:<id>".'
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "board", "role", "source"], name="role_grant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.source}"
