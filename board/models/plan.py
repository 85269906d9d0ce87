"""The business plan: per financial year, strategic priorities, their objectives, and the
objectives' actions (in the shared tracker, linked with `source`)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from .actions import Action, ActionSource
from .base import BoardOwnedModel
from .years import InFinancialYear


class Priority(BoardOwnedModel, InFinancialYear):
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["year", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year", "number"],
                name="priority_number_unique_per_year",
                violation_error_message="This year's plan already has a priority with this number.",
            )
        ]

    def __str__(self) -> str:
        return f"Priority {self.number}: {self.title}"


class Objective(BoardOwnedModel):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField()
    title = models.TextField("objective")
    we_said = models.TextField("we said", blank=True)
    we_did = models.TextField("we did", blank=True)
    impact = models.TextField(blank=True)
    carried_over_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_over_to"
    )
    actions = GenericRelation(
        Action, content_type_field="source_content_type", object_id_field="source_object_id"
    )
    action_source_type = ActionSource.BUSINESS_PLAN

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "number"],
                name="objective_number_unique_per_priority",
                violation_error_message="This priority already has an objective with this number.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.priority.number}.{self.number} {self.title[:60]}"
