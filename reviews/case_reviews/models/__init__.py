"""The case review register's records: reviews, appointments and panels, milestones and
clock alerts, recommendations, lessons, themes, disseminations, documents, and the
board's retention settings."""

from .learning import (
    DEFAULT_THEMES,
    Dissemination,
    DisseminationKind,
    DocumentKind,
    Lesson,
    ReviewDocument,
    Theme,
)
from .progress import ClockAlert, Milestone, MilestoneKind, Recommendation, RecommendationScope
from .retention import RetentionSettings
from .reviews import (
    Appointment,
    AppointmentRole,
    CaseReview,
    Decision,
    Methodology,
    PanelMember,
    ReviewType,
    ScrSettings,
)

__all__ = [
    "Appointment",
    "AppointmentRole",
    "CaseReview",
    "ClockAlert",
    "DEFAULT_THEMES",
    "Decision",
    "Dissemination",
    "DisseminationKind",
    "DocumentKind",
    "Lesson",
    "Methodology",
    "Milestone",
    "MilestoneKind",
    "PanelMember",
    "Recommendation",
    "RecommendationScope",
    "RetentionSettings",
    "ReviewDocument",
    "ReviewType",
    "ScrSettings",
    "Theme",
]
