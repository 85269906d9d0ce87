"""Assurance records: audits with their rating scale, findings and recommendations;
Section 11 standards, cycles, returns and ratings; inspections with their judgements and
recommendations."""

from .audits import (
    DEFAULT_RATING_LEVELS,
    Audit,
    AuditFinding,
    AuditRating,
    AuditRecommendation,
    AuditType,
    RatingLevel,
)
from .inspections import (
    Inspection,
    InspectionGrade,
    InspectionJudgement,
    InspectionRecommendation,
    Inspectorate,
)
from .section11 import (
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

__all__ = [
    "Audit",
    "AuditFinding",
    "AuditRating",
    "AuditRecommendation",
    "AuditType",
    "CycleKind",
    "DEFAULT_RATING_LEVELS",
    "DEFAULT_STANDARDS",
    "Inspection",
    "InspectionGrade",
    "InspectionJudgement",
    "InspectionRecommendation",
    "Inspectorate",
    "ModerationOutcome",
    "RAG",
    "RECEIVED",
    "RatingLevel",
    "Section11Cycle",
    "Section11Rating",
    "Section11Return",
    "Section11Standard",
    "Section11Status",
]
