"""Child Death Overview Panel (CDOP): a case per child death, from notification to the
panel's review, with the statutory vocabularies of the analysis form.

No child's name is stored anywhere: a case is known by its generated number. An NHS
number, when recorded, is kept only as a keyed hash (see reviews.cdop_identity) so that a
second notification of the same death is caught."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from board.models import BoardOwnedModel
from board.scoping import board_scoped_manager

from .vocabularies import (
    AGE_BANDS,
    NEONATAL_DAYS,
    DeathCategory,
    Ethnicity,
    Expectation,
    Modifiable,
    PlaceOfDeath,
    Sex,
    age_band_of,
    completed_years,
)


class CdopSettings(BoardOwnedModel):
    """The panel's settings for one board."""

    review_target_months = models.PositiveSmallIntegerField(
        "review target (months after the death)",
        default=6,
        help_text="The local performance indicator: reviews completed within this many months.",
    )
    # 6 hides counts of 1 to 5, the usual rule for published health statistics: check it
    # against the board's disclosure policy (the settings page says so too).
    suppress_below = models.PositiveSmallIntegerField(
        "suppress counts below",
        default=6,
        help_text="In published figures, counts from 1 up to one less than this are shown "
        "as 'fewer than' this number. Check it against the board's disclosure policy.",
    )
    form_due_days = models.PositiveSmallIntegerField(
        "agency forms due (days after the request)", default=28
    )
    chase_every_days = models.PositiveSmallIntegerField(
        "remind agencies every (days) while a form is overdue", default=7
    )

    class Meta:
        verbose_name = "CDOP settings"
        verbose_name_plural = "CDOP settings"
        constraints = [models.UniqueConstraint(fields=["board"], name="cdop_settings_per_board")]

    def __str__(self) -> str:
        return f"CDOP settings for {self.board}"

    def clean(self) -> None:
        if not 1 <= self.review_target_months <= 24:
            raise ValidationError({"review_target_months": "Enter between 1 and 24 months."})
        if self.suppress_below < 1:
            raise ValidationError({"suppress_below": "Enter 1 or more."})
        if self.chase_every_days < 1:
            raise ValidationError({"chase_every_days": "Enter 1 day or more."})


class RiskFactor(BoardOwnedModel):
    """A risk factor the panel records (smoking, co-sleeping, ...): a list each board edits.
    A factor no longer offered is retired, not deleted, so past cases keep it."""

    name = models.CharField(max_length=100)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["board", "name"], name="cdop_risk_factor_unique")
        ]

    def __str__(self) -> str:
        return self.name


class CdopCaseQuerySet(models.QuerySet):
    def current(self) -> "CdopCaseQuerySet":
        """Leaves out the cases removed as wrong (a duplicate, a death that is not the
        panel's): every list, count and statistic reads these."""
        return self.filter(removed_on__isnull=True)


class CdopCase(BoardOwnedModel):
    number = models.CharField("case number", max_length=30, editable=False)
    # The register's own reference for a case made before this system (or kept beside
    # it): shown next to the generated number, so both can be looked up.
    external_reference = models.CharField(
        "register reference",
        max_length=50,
        blank=True,
        help_text="The case's reference in the panel's own register, if it has one.",
    )
    nhs_number_hash = models.CharField(max_length=64, blank=True, editable=False)

    # Notification
    date_of_birth = models.DateField()
    date_of_death = models.DateField()
    sex = models.CharField(max_length=20, choices=Sex.choices)
    ethnicity = models.CharField(max_length=20, choices=Ethnicity.choices)
    place_of_death = models.CharField(max_length=20, choices=PlaceOfDeath.choices)
    locality = models.ForeignKey(
        "child_deaths.Locality",
        verbose_name="area of residence",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        help_text="From the board's list of localities; empty when not recorded.",
    )
    # What was typed before the board's list existed: for the panel only, never published
    # (see reviews.models.cdop_localities). Cleared once the case has an area from the list.
    locality_as_typed = models.CharField(max_length=100, blank=True, editable=False)
    notified_by = models.CharField(
        max_length=200,
        blank=True,  # old registers seldom kept it: "Not recorded" rather than made up
        help_text="The organisation or role that notified the death.",
    )
    notified_on = models.DateField("date notified")
    expectation = models.CharField(
        "expected or unexpected", max_length=20, choices=Expectation.choices
    )

    # Workflow dates
    rapid_response_on = models.DateField(
        "rapid response / joint agency response meeting", null=True, blank=True
    )
    review_meeting_on = models.DateField("child death review meeting", null=True, blank=True)
    panel_review_on = models.DateField("CDOP panel review", null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    # Panel analysis
    category = models.CharField(
        "category of death", max_length=2, choices=DeathCategory.choices, blank=True
    )
    modifiable = models.CharField(
        "modifiable factors", max_length=20, choices=Modifiable.choices, blank=True
    )
    factors_child = models.TextField("factors in the child", blank=True)
    factors_family = models.TextField("factors in the family and environment", blank=True)
    factors_physical = models.TextField("factors in the physical environment", blank=True)
    factors_service = models.TextField("factors in service provision", blank=True)
    risk_factors = models.ManyToManyField(RiskFactor, blank=True, related_name="cases")
    learning_points = models.TextField(blank=True)

    # Referral to the serious case review sub-group (linked to a review in a later issue).
    scr_referred_on = models.DateField("referred to the SCR sub-group", null=True, blank=True)
    scr_referral_reason = models.TextField("reason for the referral", blank=True)

    # Removed as wrong (a duplicate, entered on the wrong board): kept for the audit
    # trail, left out of every list and statistic (CdopCaseQuerySet.current).
    removed_on = models.DateTimeField(null=True, blank=True, editable=False)
    removed_reason = models.TextField("reason for removing the case", blank=True)
    removed_by = models.ForeignKey(
        "board.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = board_scoped_manager(CdopCaseQuerySet)

    class Meta:
        ordering = ["-notified_on", "-number"]
        verbose_name = "CDOP case"
        constraints = [
            models.UniqueConstraint(fields=["board", "number"], name="cdop_case_number_unique"),
            models.UniqueConstraint(
                fields=["board", "external_reference"],
                condition=~Q(external_reference="") & Q(removed_on__isnull=True),
                name="cdop_case_register_reference_unique",
                violation_error_message="Another case has this register reference.",
            ),
            models.UniqueConstraint(
                fields=["board", "nhs_number_hash", "date_of_death"],
                condition=~Q(nhs_number_hash=""),
                name="cdop_case_no_duplicate_notification",
                violation_error_message="This death has already been notified.",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    # Derived, never stored
    @property
    def age_at_death_days(self) -> int:
        return (self.date_of_death - self.date_of_birth).days

    @property
    def age_band(self) -> str | None:
        return age_band_of(self.date_of_birth, self.date_of_death)

    @property
    def age_band_label(self) -> str:
        return dict((key, label) for key, label, _ in AGE_BANDS).get(self.age_band, "")

    @property
    def age_at_death_label(self) -> str:
        days = self.age_at_death_days
        if days < NEONATAL_DAYS:
            return f"{days} day{'s' if days != 1 else ''}"
        years = completed_years(self.date_of_birth, self.date_of_death)
        if years == 0:
            return f"{days // 7} weeks"
        return f"{years} year{'s' if years != 1 else ''}"

    @property
    def stage(self) -> str:
        if self.closed_on:
            return "Closed"
        if self.panel_review_on:
            return "Reviewed by the panel"
        if self.review_meeting_on:
            return "Child death review meeting held"
        if self.rapid_response_on:
            return "Rapid response held"
        return "Notified"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        today = timezone.localdate()
        birth, death = self.date_of_birth, self.date_of_death
        if birth and birth > today:
            errors["date_of_birth"] = "Date of birth must be today or in the past."
        if death and death > today:
            errors["date_of_death"] = "Date of death must be today or in the past."
        elif birth and death and death < birth:
            errors["date_of_death"] = "Date of death must be on or after the date of birth."
        elif birth and death and age_band_of(birth, death) is None:
            errors["date_of_death"] = (
                "The child was 18 or over at death: the panel reviews deaths of children "
                "under 18 only."
            )
        if self.notified_on and death and self.notified_on < death:
            errors["notified_on"] = "Date notified must be on or after the date of death."
        if self.notified_on and self.notified_on > today:
            errors["notified_on"] = "Date notified must be today or in the past."
        for name in ("rapid_response_on", "review_meeting_on", "panel_review_on", "closed_on"):
            value = getattr(self, name)
            label = self._meta.get_field(name).verbose_name
            if value and self.notified_on and value < self.notified_on:
                errors[name] = f"The {label} date must be on or after the date notified."
            elif value and value > today:
                errors[name] = f"The {label} date must be today or in the past."
        if self.locality_id and self.locality.board_id != self.board_id:
            errors["locality"] = "Choose an area of residence from this board's list."
        if self.closed_on and not self.panel_review_on:
            errors["closed_on"] = "A case is closed only after the panel's review."
        if self.scr_referred_on and not self.scr_referral_reason.strip():
            errors["scr_referral_reason"] = "Enter the reason for the referral."
        errors.update(self._analysis_errors())
        errors.update(self._reference_error())
        errors.update(self._duplicate_error())
        if errors:
            raise ValidationError(errors)

    FACTOR_FIELDS = ("factors_child", "factors_family", "factors_physical", "factors_service")

    def _analysis_errors(self) -> dict[str, str]:
        """The analysis form's own consistency: category 10 is by definition an unexpected
        death, and "modifiable" means the panel named a factor in one of the four domains."""
        errors = {}
        if self.category == DeathCategory.SUDDEN and self.expectation == Expectation.EXPECTED:
            errors["category"] = (
                "Category 10 (sudden unexpected, unexplained death) is for an unexpected "
                "death: choose another category, or record the death as unexpected."
            )
        if self.modifiable == Modifiable.YES and not any(
            getattr(self, name).strip() for name in self.FACTOR_FIELDS
        ):
            errors["modifiable"] = (
                "Modifiable factors were identified: describe at least one, in the child, "
                "the family and environment, the physical environment or service provision."
            )
        return errors

    def _reference_error(self) -> dict[str, str]:
        if not self.external_reference or not self.board_id:
            return {}
        other = (
            CdopCase.objects.current()
            .filter(board_id=self.board_id, external_reference__iexact=self.external_reference)
            .exclude(pk=self.pk)
            .first()
        )
        if other is None:
            return {}
        return {"external_reference": f"Case {other.number} has this register reference."}

    def _duplicate_error(self) -> dict[str, str]:
        if not self.nhs_number_hash or not self.date_of_death or not self.board_id:
            return {}
        duplicates = (
            CdopCase.objects.current()
            .filter(
                board_id=self.board_id,
                nhs_number_hash=self.nhs_number_hash,
                date_of_death=self.date_of_death,
            )
            .exclude(pk=self.pk)
        )
        first = duplicates.first()
        if first is None:
            return {}
        return {
            "date_of_death": f"This death has already been notified as case {first.number}.",
        }

    def validate_constraints(self, exclude=None) -> None:
        # clean() reports a duplicate notification with the existing case's number.
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            if "date_of_death" not in (exclude or ()) and self._duplicate_error():
                return
            if self._reference_error():  # clean() named the case that has it
                return
            raise error


class CdopRecommendation(BoardOwnedModel):
    """A recommendation of the panel on a case. It becomes an action in the board's action
    tracker (board.models.Action, with this recommendation as its source)."""

    case = models.ForeignKey(CdopCase, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField("recommendation")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:80]
