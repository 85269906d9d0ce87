"""The shared action tracker: one Action model for every source of actions. Other apps
attach theirs through the generic `source` link (and `board.services.actions.action_create`)
and register their kind of source (board/action_sources.py), so that `board` never imports
or names them."""

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .. import action_sources
from .agencies import Agency
from .base import BoardOwnedModel, board_scoped_manager
from .membership import Person


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETE = "complete", "Complete"


# GOV.UK tag colour for each status: the RAG rating.
RAG_TAG = {
    ActionStatus.NOT_STARTED: "govuk-tag--grey",
    ActionStatus.ON_TRACK: "govuk-tag--green",
    ActionStatus.AT_RISK: "govuk-tag--yellow",
    ActionStatus.OFF_TRACK: "govuk-tag--red",
    ActionStatus.COMPLETE: "govuk-tag--blue",
}


class ActionSource:
    """The keys of board's own action sources (registered in BoardConfig.ready). The apps
    that build on board register theirs (board/action_sources.py): board lists none."""

    DIRECT = "direct"
    BUSINESS_PLAN = "business_plan"
    MEETING = "meeting"
    OTHER = "other"


class ActionQuerySet(models.QuerySet):
    def open(self) -> "ActionQuerySet":
        return self.exclude(status=ActionStatus.COMPLETE)

    def overdue(self, today: date | None = None) -> "ActionQuerySet":
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def for_source(self, source: models.Model) -> "ActionQuerySet":
        return self.filter(
            source_content_type=ContentType.objects.get_for_model(source),
            source_object_id=source.pk,
        )


class Action(BoardOwnedModel):
    description = models.TextField()
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    owner_person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    due_date = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    evidence = models.TextField("evidence of completion", blank=True)
    # The annual report's theme (a '## Theme' of a strengths section) whose work programme
    # lists this action. Free text, matched without regard to case or spacing, so a board
    # names its themes in the report and nowhere else.
    theme = models.CharField("report theme", max_length=200, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Where the action came from: a registered source's key. The choices are the registry
    # (a callable), so full_clean() refuses an unknown key and a new source needs no
    # migration. Every model here has a UUID primary key.
    source_type = models.CharField(
        max_length=30, choices=action_sources.choices, default=ActionSource.DIRECT
    )
    source_content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_object_id = models.UUIDField(null=True, blank=True)
    source = GenericForeignKey("source_content_type", "source_object_id")
    carried_over_from = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_over_to"
    )

    objects = board_scoped_manager(ActionQuerySet)

    class Meta:
        ordering = ["due_date", "created_at"]
        indexes = [models.Index(fields=["source_content_type", "source_object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_agency__isnull=False) | Q(owner_person__isnull=False),
                name="action_has_an_owner",
                violation_error_message="Choose an owning agency, an owning person or both.",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def source_url(self) -> str:
        """The page of the record the action came from, as its source registered it."""
        source_type = action_sources.get(self.source_type)
        if source_type is None or not self.source_object_id:
            return ""
        return source_type.url_of(self.source)

    @property
    def is_complete(self) -> bool:
        return self.status == ActionStatus.COMPLETE

    def is_overdue_on(self, day: date) -> bool:
        return not self.is_complete and self.due_date < day

    @property
    def is_overdue(self) -> bool:
        """Derived from the due date, never stored."""
        return self.is_overdue_on(timezone.localdate())

    @property
    def rag_tag(self) -> str:
        return RAG_TAG[ActionStatus(self.status)]

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None

    def clean(self) -> None:
        errors = {}
        if self.owner_agency_id is None and self.owner_person_id is None:
            errors["owner_agency"] = "Choose an owning agency, an owning person or both."
        if self.owner_agency_id and self.owner_agency.board_id != self.board_id:
            errors["owner_agency"] = "Choose an agency of this board."
        if self.owner_person_id and self.owner_person.board_id != self.board_id:
            errors["owner_person"] = "Choose a person of this board."
        source = self.source if self.source_object_id else None
        source_board = getattr(source, "board_id", None)
        if source is not None and source_board is not None and source_board != self.board_id:
            errors["source_type"] = "The action's source belongs to another board."
        if self.signed_off_at and not self.is_complete:
            errors["status"] = "Only a complete action can be signed off."
        if errors:
            raise ValidationError(errors)


class ActionUpdate(BoardOwnedModel):
    """A progress update: what was done, by whom, when, and the status it left."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(default=timezone.localdate)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("progress")
    status = models.CharField(max_length=20, choices=ActionStatus.choices)

    class Meta:
        ordering = ["-date", "-created_at"]

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"
