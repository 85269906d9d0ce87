"""The case review register's records: reviews, appointments and panels, milestones and
clock alerts, recommendations, lessons, themes, disseminations, documents, and the
board's retention settings; serious incidents and their rapid reviews; national reviews."""

from .incidents import (
    AgencySummary,
    Criterion,
    IncidentCategory,
    RapidReview,
    RapidReviewDecision,
    SeriousIncident,
)
from .learning import (
    DEFAULT_THEMES,
    Dissemination,
    DisseminationKind,
    DocumentKind,
    Lesson,
    ReviewDocument,
    Theme,
)
from .national import NationalRecommendation, NationalReview
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
    "AgencySummary",
    "Criterion",
    "IncidentCategory",
    "NationalRecommendation",
    "NationalReview",
    "RapidReview",
    "RapidReviewDecision",
    "SeriousIncident",
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
