"""Who sits on the board: people, their memberships (for an agency, in a board role, from
one date to another) and the chair's appointment."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .agencies import Agency
from .base import BoardOwnedModel, board_scoped_manager
from .boards import Role


class Person(BoardOwnedModel):
    """Someone who sits on the board or owns an action. A user account is optional:
    many members never sign in."""

    full_name = models.CharField(max_length=200)
    email = models.EmailField("e-mail address", blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_people",
        help_text="Only for people who sign in to this service.",
    )

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["board", "user"],
                condition=Q(user__isnull=False),
                name="person_user_unique_per_board",
                violation_error_message="This user account is already linked to a person "
                "on this board.",
            )
        ]

    def __str__(self) -> str:
        return self.full_name


class BoardRole(models.TextChoices):
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    VICE_CHAIR = "vice_chair", "Vice chair"
    BOARD_MANAGER = "board_manager", "Board manager"
    AGENCY_REPRESENTATIVE = "agency_representative", "Agency representative"
    LAY_MEMBER = "lay_member", "Lay member"
    PARTICIPANT_OBSERVER = "participant_observer", "Participant observer"
    ADVISER = "adviser", "Adviser"


# The access each board role gives to a member who has a user account.
ACCESS_FOR_BOARD_ROLE = {
    BoardRole.INDEPENDENT_CHAIR: Role.INDEPENDENT_CHAIR,
    BoardRole.VICE_CHAIR: Role.BOARD_MEMBER,
    BoardRole.BOARD_MANAGER: Role.BOARD_MANAGER,
    BoardRole.AGENCY_REPRESENTATIVE: Role.BOARD_MEMBER,
    BoardRole.LAY_MEMBER: Role.LAY_MEMBER,
    BoardRole.PARTICIPANT_OBSERVER: Role.VIEWER,
    BoardRole.ADVISER: Role.VIEWER,
}


class MembershipQuerySet(models.QuerySet):
    def current_on(self, day: date) -> "MembershipQuerySet":
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)

    def overlapping(self, start: date, end: date) -> "MembershipQuerySet":
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=start), start_date__lte=end)


class Membership(BoardOwnedModel):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="Leave empty for an independent chair or adviser who represents no agency.",
    )
    board_role = models.CharField(max_length=30, choices=BoardRole.choices)
    post_title = models.CharField(
        "post title", max_length=200, blank=True, help_text="Seniority: e.g. Director of Nursing"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    # The chair's appointment (Working Together: the partners agree the appointment).
    chair_is_independent = models.BooleanField(
        "independent of the partner agencies", null=True, blank=True
    )
    appointment_agreed_by = models.ManyToManyField(
        Agency, blank=True, related_name="agreed_chair_appointments"
    )

    objects = board_scoped_manager(MembershipQuerySet)

    class Meta:
        ordering = ["person__full_name", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_it_starts",
                violation_error_message="The end date must be on or after the start date.",
            )
        ]

    def __str__(self) -> str:
        where = f" ({self.agency})" if self.agency_id else ""
        return f"{self.person}, {self.get_board_role_display()}{where}"

    @property
    def is_chair(self) -> bool:
        return self.board_role == BoardRole.INDEPENDENT_CHAIR

    def is_current_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)

    @property
    def access_role(self) -> Role:
        return ACCESS_FOR_BOARD_ROLE[BoardRole(self.board_role)]

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be on or after the start date."
        if self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose an agency of this board."
        if self.person_id and self.person.board_id != self.board_id:
            errors["person"] = "Choose a person of this board."
        if self.board_role == BoardRole.AGENCY_REPRESENTATIVE and not self.agency_id:
            errors["agency"] = "Choose the agency this member represents."
        if self.chair_is_independent is not None and not self.is_chair:
            errors["chair_is_independent"] = "Only the chair's appointment records this."
        if errors:
            raise ValidationError(errors)
