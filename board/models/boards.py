from django.conf import settings
from django.db import models

from .base import TimestampedModel


class Board(TimestampedModel):
    """A Local Safeguarding Children Board (or safeguarding children partnership).
    Every other record belongs to exactly one board."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    local_authority = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """Access roles, held per board. A user may hold several, on several boards."""

    BOARD_MANAGER = "board_manager", "Board manager"
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    SUBGROUP_CHAIR = "subgroup_chair", "Sub-group chair"
    BOARD_MEMBER = "board_member", "Board member"
    CDOP_MEMBER = "cdop_member", "CDOP member"
    SCR_MEMBER = "scr_member", "SCR sub-group member"
    LAY_MEMBER = "lay_member", "Lay member"
    VIEWER = "viewer", "Viewer"
    SCRUTINEER = "scrutineer", "Independent scrutineer"


ALL_ROLES = frozenset(Role)


class RoleAssignment(TimestampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "board", "role"], name="role_assignment_unique")
        ]
        ordering = ["board__name", "role"]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.board}"
