from django.core.exceptions import ValidationError
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


class PartnerRole(models.TextChoices):
    """An agency's place in a safeguarding children partnership (Working Together 2023)."""

    LEAD = "lead", "Lead safeguarding partner"
    DELEGATED = "delegated", "Delegated partner"
    RELEVANT = "relevant", "Relevant agency"


# The three lead safeguarding partners, by the sector that stands for each.
LEAD_SECTORS = {
    Sector.CHILDRENS_SOCIAL_CARE: "the local authority",
    Sector.HEALTH: "the integrated care board",
    Sector.POLICE: "the police",
}


class Agency(TimestampedModel):
    """A partner organisation represented on the board."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    is_statutory_partner = models.BooleanField(
        default=False,
        help_text="A statutory partner under sections 13-14 of the Children Act 2004.",
    )
    partner_role = models.CharField(
        "role in the partnership",
        max_length=20,
        choices=PartnerRole.choices,
        blank=True,
        help_text="Lead partners are the local authority, the integrated care board and "
        "the police. Leave empty for a board that is not a partnership.",
    )
    acts_for = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegates",
        verbose_name="lead partner it acts for",
        help_text="For a delegated partner: the lead partner that delegated to it.",
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
            ),
            models.UniqueConstraint(
                fields=["board", "sector"],
                condition=models.Q(partner_role="lead"),
                name="agency_one_lead_partner_per_sector",
                violation_error_message="The board already has a lead partner of this sector.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.partner_role == PartnerRole.LEAD and self.sector not in LEAD_SECTORS:
            errors["partner_role"] = (
                "A lead safeguarding partner must be the local authority (children's social "
                "care), the integrated care board (health) or the police."
            )
        if self.acts_for_id:
            lead = self.acts_for
            if self.partner_role != PartnerRole.DELEGATED:
                errors["acts_for"] = "Only a delegated partner acts for a lead partner."
            elif lead.board_id != self.board_id or lead.partner_role != PartnerRole.LEAD:
                errors["acts_for"] = "Choose a lead partner of this board."
            elif lead.pk == self.pk:
                errors["acts_for"] = "An agency cannot act for itself."
        if errors:
            raise ValidationError(errors)
