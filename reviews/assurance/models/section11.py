"""Section 11 self-assessments: each agency's own rating (red, amber or green, with its
evidence) of its arrangements under section 11 of the Children Act 2004, against the
board's list of standards, in a cycle the board runs (every two years for agencies, every
year for schools). The board moderates each return and tracks the actions it leads to.
Counts and percentages across agencies are worked out from the ratings, never stored."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from board.models import Agency, BoardOwnedModel

from .. import action_sources

# The eight standards of a common Section 11 audit tool, seeded per board when first needed.
DEFAULT_STANDARDS = [
    "Senior management commitment to the importance of safeguarding and promoting "
    "children's welfare",
    "A clear statement of the agency's responsibilities towards children, available to all staff",
    "A clear line of accountability within the organisation for work on safeguarding",
    "Service development that takes account of the need to safeguard and promote welfare "
    "and is informed by the views of children and families",
    "Effective training on safeguarding for all staff working with or in contact with children",
    "Safer recruitment procedures including vetting procedures and those for managing allegations",
    "Effective inter-agency working to safeguard and promote the welfare of children",
    "Effective information sharing",
]


class Section11Standard(BoardOwnedModel):
    """One standard of the board's Section 11 tool. Retired (not deleted) when the board
    stops using it, so past returns keep their ratings against it."""

    number = models.PositiveSmallIntegerField()
    text = models.CharField("standard", max_length=300)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["number", "text"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "number"],
                name="section11_standard_number",
                violation_error_message="The board already has a standard with this number.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class CycleKind(models.TextChoices):
    BIENNIAL = "biennial", "Biennial (agencies)"
    ANNUAL = "annual", "Annual (schools and colleges)"


class Section11Cycle(BoardOwnedModel):
    """A round of self-assessments: which agencies are asked, when it opens and when their
    returns are due."""

    title = models.CharField(max_length=200)
    kind = models.CharField("frequency", max_length=20, choices=CycleKind.choices)
    opens_on = models.DateField("opens on")
    due_on = models.DateField("returns due by")
    agencies = models.ManyToManyField(Agency, related_name="+", blank=True)

    class Meta:
        ordering = ["-due_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "title"],
                name="section11_cycle_title",
                violation_error_message="The board already has a cycle with this title.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.opens_on and self.due_on and self.due_on <= self.opens_on:
            raise ValidationError({"due_on": "The due date must be after the cycle opens."})


class Section11Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    MODERATED = "moderated", "Moderated"


# A return counts as received (in the grid, the counts and the annual report) once submitted.
RECEIVED = (Section11Status.SUBMITTED, Section11Status.MODERATED)


class ModerationOutcome(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    CHALLENGED = "challenged", "Challenged – rating changed"
    FURTHER_EVIDENCE = "further_evidence", "Further evidence requested"


class Section11Return(BoardOwnedModel):
    """One agency's self-assessment in a cycle. Its improvement actions live in the board's
    action tracker (board.models.Action, with this return as their source)."""

    action_source_type = action_sources.SECTION_11

    cycle = models.ForeignKey(Section11Cycle, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=Section11Status.choices, default=Section11Status.NOT_STARTED
    )
    submitted_on = models.DateField(null=True, blank=True)
    moderation_outcome = models.CharField(
        max_length=20, choices=ModerationOutcome.choices, blank=True
    )
    moderation_notes = models.TextField(blank=True)
    moderated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "agency"],
                name="section11_return_per_agency",
                violation_error_message="This agency already has a return in this cycle.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency}: {self.cycle}"

    @property
    def is_received(self) -> bool:
        return self.status in RECEIVED

    def clean(self) -> None:
        errors = {}
        if self.agency_id and self.cycle_id:
            if self.agency.board_id != self.board_id:
                errors["agency"] = "Choose an agency of this board."
            elif not self.cycle.agencies.filter(pk=self.agency_id).exists():
                errors["agency"] = (
                    f"{self.agency} is not one of the agencies in {self.cycle}. "
                    "Add it to the cycle first."
                )
        if self.cycle_id and self.cycle.board_id != self.board_id:
            errors["cycle"] = "Choose a cycle of this board."
        if self.status in RECEIVED and self.submitted_on is None:
            errors["submitted_on"] = "Enter the date the return was submitted."
        if self.status == Section11Status.MODERATED:
            if not self.moderation_outcome:
                errors["moderation_outcome"] = "Choose the outcome of the moderation."
            if self.moderated_on is None:
                errors["moderated_on"] = "Enter the date of the moderation."
            elif self.submitted_on and self.moderated_on < self.submitted_on:
                errors["moderated_on"] = "The moderation cannot be before the return was submitted."
        if errors:
            raise ValidationError(errors)


class RAG(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class Section11Rating(BoardOwnedModel):
    """The agency's rating of itself against one standard, with its evidence."""

    section11_return = models.ForeignKey(
        Section11Return, on_delete=models.CASCADE, related_name="ratings"
    )
    standard = models.ForeignKey(Section11Standard, on_delete=models.PROTECT, related_name="+")
    rag = models.CharField("rating", max_length=10, choices=RAG.choices)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["standard__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["section11_return", "standard"], name="section11_rating_per_standard"
            ),
            models.CheckConstraint(condition=Q(rag__in=RAG.values), name="section11_rating_is_rag"),
        ]

    def __str__(self) -> str:
        return f"{self.section11_return}: standard {self.standard.number} {self.rag}"

    def clean(self) -> None:
        if self.standard_id and self.standard.board_id != self.board_id:
            raise ValidationError({"standard": "Choose a standard of this board."})
