"""Sub-groups, who sits on them, and the board's settings for their returns."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from board.models import Board, BoardOwnedModel, Person, Role, TimestampedModel
from board.scoping import board_scoped_manager


class SubGroupKind(models.TextChoices):
    """CDOP and SCR sub-groups give their members access to restricted records."""

    GENERAL = "general", "Other sub-group"
    CDOP = "cdop", "Child Death Overview Panel"
    SCR = "scr", "Serious case review sub-group"


# The access role every member of a sub-group of this kind holds.
MEMBER_ACCESS = {SubGroupKind.CDOP: Role.CDOP_MEMBER, SubGroupKind.SCR: Role.SCR_MEMBER}


class SubGroup(TimestampedModel):
    """A sub-group of the board, such as the Child Death Overview Panel or Health.
    Sub-groups may sit under another (Learning and Development under Quality Assurance)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="subgroups")
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="children"
    )
    purpose = models.TextField(blank=True, help_text="Purpose or terms of reference.")
    kind = models.CharField(
        max_length=10, choices=SubGroupKind.choices, default=SubGroupKind.GENERAL
    )
    actions = models.ManyToManyField(
        "board.Action",
        blank=True,
        related_name="subgroups",
        help_text="The business plan actions this sub-group owns and reports on.",
    )

    # Not a BoardOwnedModel (its board's related name predates it), but guarded alike.
    objects = board_scoped_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "sub-group"
        constraints = [
            models.UniqueConstraint(
                fields=["board", "name"], name="subgroup_name_unique_per_board"
            ),
            models.UniqueConstraint(
                fields=["board", "kind"],
                condition=~Q(kind="general"),
                name="subgroup_one_cdop_and_scr_per_board",
                violation_error_message="This board already has a sub-group of this kind.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def member_access(self) -> Role | None:
        return MEMBER_ACCESS.get(SubGroupKind(self.kind))

    def clean(self) -> None:
        if self.parent_id and self.parent.board_id != self.board_id:
            raise ValidationError({"parent": "The parent sub-group must belong to the same board."})
        if self.parent_id and self.parent_id == self.id:
            raise ValidationError({"parent": "A sub-group cannot sit under itself."})


class SubGroupRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    DEPUTY = "deputy", "Deputy chair"
    MEMBER = "member", "Member"


class SubGroupMembershipQuerySet(models.QuerySet):
    def current_on(self, day: date) -> "SubGroupMembershipQuerySet":
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)

    def chairs(self) -> "SubGroupMembershipQuerySet":
        return self.filter(role__in=[SubGroupRole.CHAIR, SubGroupRole.DEPUTY])


class SubGroupMembership(BoardOwnedModel):
    """A person's seat on a sub-group. Chairs and deputies fill in the quarterly returns."""

    subgroup = models.ForeignKey(SubGroup, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="subgroup_seats")
    role = models.CharField(max_length=10, choices=SubGroupRole.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    objects = board_scoped_manager(SubGroupMembershipQuerySet)

    class Meta:
        ordering = ["role", "person__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="subgroup_membership_ends_after_it_starts",
                violation_error_message="The end date must be on or after the start date.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.get_role_display()} of {self.subgroup}"

    @property
    def is_chair_or_deputy(self) -> bool:
        return self.role in (SubGroupRole.CHAIR, SubGroupRole.DEPUTY)

    def is_current_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)

    def access_roles(self) -> set[Role]:
        roles = {Role.SUBGROUP_CHAIR} if self.is_chair_or_deputy else set()
        if self.subgroup.member_access:
            roles.add(self.subgroup.member_access)
        return roles

    def clean(self) -> None:
        errors = {}
        if self.subgroup_id and self.subgroup.board_id != self.board_id:
            errors["subgroup"] = "Choose a sub-group of this board."
        if self.person_id and self.person.board_id != self.board_id:
            errors["person"] = "Choose a person of this board."
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be on or after the start date."
        if errors:
            raise ValidationError(errors)


class ReturnsSettings(BoardOwnedModel):
    """Per board: when returns fall due and when chairs are reminded."""

    due_working_days = models.PositiveSmallIntegerField(
        "working days after the quarter ends",
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="A return is due this many working days after its quarter ends "
        "(weekends and England and Wales bank holidays are not counted).",
    )
    remind_days_before = models.PositiveSmallIntegerField(
        "days before the deadline to remind chairs",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )

    class Meta:
        verbose_name = "returns settings"
        verbose_name_plural = "returns settings"
        constraints = [
            models.UniqueConstraint(fields=["board"], name="returns_settings_one_per_board")
        ]

    def __str__(self) -> str:
        return f"Returns settings for {self.board}"
