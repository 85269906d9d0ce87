from .cdop import (
    AGE_BANDS,
    AgencyForm,
    AgencyFormReminder,
    CdopCase,
    CdopRecommendation,
    CdopSettings,
    DeathCategory,
    Ethnicity,
    Expectation,
    Modifiable,
    PlaceOfDeath,
    RiskFactor,
    Sex,
)
from .cdop_localities import Locality

__all__ = [
    "AGE_BANDS",
    "AgencyForm",
    "AgencyFormReminder",
    "CdopCase",
    "CdopRecommendation",
    "CdopSettings",
    "DeathCategory",
    "Ethnicity",
    "Expectation",
    "Locality",
    "Modifiable",
    "PlaceOfDeath",
    "RiskFactor",
    "Sex",
]

from .retention import RetentionSettings  # noqa: E402
from .scr import (  # noqa: E402
    Appointment,
    AppointmentRole,
    CaseReview,
    Decision,
    Methodology,
    PanelMember,
    ReviewType,
    ScrSettings,
)
from .scr_learning import (  # noqa: E402
    DEFAULT_THEMES,
    Dissemination,
    DisseminationKind,
    DocumentKind,
    Lesson,
    ReviewDocument,
    Theme,
)
from .scr_progress import (  # noqa: E402
    ClockAlert,
    Milestone,
    MilestoneKind,
    Recommendation,
    RecommendationScope,
)

__all__ += [
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

from .audits import (  # noqa: E402
    DEFAULT_RATING_LEVELS,
    Audit,
    AuditFinding,
    AuditRating,
    AuditRecommendation,
    AuditType,
    RatingLevel,
)

__all__ += [
    "Audit",
    "AuditFinding",
    "AuditRating",
    "AuditRecommendation",
    "AuditType",
    "DEFAULT_RATING_LEVELS",
    "RatingLevel",
]

from .section11 import (  # noqa: E402
    DEFAULT_STANDARDS,
    RAG,
    RECEIVED,
    CycleKind,
    ModerationOutcome,
    Section11Cycle,
    Section11Rating,
    Section11Return,
    Section11Standard,
    Section11Status,
)

__all__ += [
    "CycleKind",
    "DEFAULT_STANDARDS",
    "ModerationOutcome",
    "RAG",
    "RECEIVED",
    "Section11Status",
    "Section11Cycle",
    "Section11Rating",
    "Section11Return",
    "Section11Standard",
]

from .inspections import (  # noqa: E402
    Inspection,
    InspectionGrade,
    InspectionJudgement,
    InspectionRecommendation,
    Inspectorate,
)

__all__ += [
    "InspectionGrade",
    "Inspection",
    "InspectionJudgement",
    "InspectionRecommendation",
    "Inspectorate",
]
