from .catalogue import Category, CategorySet, Indicator, PeriodType, Polarity, RollUp, Unit
from .catalogue_imports import CatalogueImport, CatalogueImportStatus
from .observations import Benchmark, Comparator, Missing, Observation, Qualifier, Source, Status
from .snapshots import ImportBatch, ImportStatus, Snapshot

__all__ = [
    "Benchmark",
    "CatalogueImport",
    "CatalogueImportStatus",
    "Category",
    "CategorySet",
    "Comparator",
    "ImportBatch",
    "ImportStatus",
    "Missing",
    "Indicator",
    "Observation",
    "PeriodType",
    "Polarity",
    "Qualifier",
    "RollUp",
    "Snapshot",
    "Source",
    "Status",
    "Unit",
]
