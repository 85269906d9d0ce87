from django.db import models
from django.db.models.functions import Lower

from .base import TimestampedModel, board_scoped_manager
from .boards import Board


class Sector(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    VOLUNTARY = "voluntary", "Voluntary sector"
    HOUSING = "housing", "Housing"
    CAFCASS = "cafcass", "CAFCASS"
    LEGAL = "legal", "Legal"
    PUBLIC_HEALTH = "public_health", "Public health"
    ADULT_SERVICES = "adult_services", "Adult services"
    AMBULANCE = "ambulance", "Ambulance"
    IMMIGRATION = "immigration", "Immigration"
    LAY = "lay", "Lay"
    OTHER = "other", "Other"


class Agency(TimestampedModel):
    """A partner organisation represented on the board."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    is_statutory_partner = models.BooleanField(
        default=False,
        help_text="A statutory partner under sections 13-14 of the Children Act 2004.",
    )

    # Not a BoardOwnedModel (its board's related name predates it), but guarded alike.
    objects = board_scoped_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(
                "board",
                Lower("name"),
                name="agency_name_unique_per_board",
                violation_error_message="The board already has an agency with this name.",
            )
        ]

    def __str__(self) -> str:
        return self.name
