from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .base import TimestampedModel


class BoardArrangement(models.TextChoices):
    """How the area's safeguarding is arranged: a Local Safeguarding Children Board (the
    2013 world of the reference reports) or, since 2019, a safeguarding children
    partnership of three lead partners (Children and Social Work Act 2017)."""

    LSCB = "lscb", "Local Safeguarding Children Board"
    PARTNERSHIP = "partnership", "Safeguarding children partnership"


class Board(TimestampedModel):
    """A Local Safeguarding Children Board (or safeguarding children partnership).
    Every other record belongs to exactly one board."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    local_authority = models.CharField(max_length=200)
    arrangement = models.CharField(
        max_length=20, choices=BoardArrangement.choices, default=BoardArrangement.LSCB
    )
    # The day an LSCB became a partnership: what came before keeps the board's words.
    partnership_since = models.DateField("partnership since", null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def arrangement_on(self, day: date) -> str:
        """The arrangement in force on `day`: a partnership from `partnership_since` (from
        the start when no date is recorded), an LSCB before it."""
        if self.arrangement != BoardArrangement.PARTNERSHIP:
            return BoardArrangement.LSCB
        if self.partnership_since is None or day >= self.partnership_since:
            return BoardArrangement.PARTNERSHIP
        return BoardArrangement.LSCB

    def clean(self) -> None:
        if self.partnership_since and self.arrangement != BoardArrangement.PARTNERSHIP:
            raise ValidationError(
                {"partnership_since": "Only a partnership has a date it became one."}
            )


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
    # Reads the board's evidence, not its restricted records (board/record_visibility.py).
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
