"""The child death panel's records: cases, agency forms and reminders, recommendations,
the panel's settings and risk factors, the board's areas of residence, and the
statutory vocabularies of the analysis form."""

from .agency_forms import AgencyForm, AgencyFormReminder
from .cases import (
    CdopCase,
    CdopRecommendation,
    CdopSettings,
    RiskFactor,
)
from .imports import RegisterImport, RegisterImportStatus
from .localities import Locality
from .vocabularies import (
    AGE_BANDS,
    DeathCategory,
    Ethnicity,
    Expectation,
    Modifiable,
    PlaceOfDeath,
    Sex,
)

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
    "RegisterImport",
    "RegisterImportStatus",
    "RiskFactor",
    "Sex",
]
