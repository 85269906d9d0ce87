"""The statutory vocabularies of the child death analysis form and the report's age bands,
shared by the case, its forms and the statistics."""

from datetime import date

from django.db import models


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    INDETERMINATE = "indeterminate", "Indeterminate"
    NOT_KNOWN = "not_known", "Not known"


class Ethnicity(models.TextChoices):
    """The census's broad ethnic groups, as national child death returns use them."""

    WHITE = "white", "White"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, African, Caribbean or Black British"
    OTHER = "other", "Other ethnic group"
    # Old registers often say only that a child was of a minority group, not which.
    BME_NOT_KNOWN = "bme_not_known", "Black and minority ethnic, group not known"
    NOT_KNOWN = "not_known", "Not known"

    @classmethod
    def black_and_minority_ethnic(cls) -> frozenset[str]:
        return frozenset({cls.MIXED, cls.ASIAN, cls.BLACK, cls.OTHER, cls.BME_NOT_KNOWN})


class PlaceOfDeath(models.TextChoices):
    HOSPITAL = "hospital", "Hospital"
    HOME = "home", "Child's home"
    OTHER_RESIDENCE = "other_residence", "Another residence"
    PUBLIC_PLACE = "public_place", "Public place"
    HOSPICE = "hospice", "Hospice"
    OTHER = "other", "Other"
    NOT_KNOWN = "not_known", "Not known"


class Expectation(models.TextChoices):
    EXPECTED = "expected", "Expected"
    UNEXPECTED = "unexpected", "Unexpected"


class DeathCategory(models.TextChoices):
    """The ten categories of the analysis form (formerly Form C), with their national
    numbers, as the forms and the published tables name them."""

    ABUSE = "1", "1. Deliberately inflicted injury, abuse or neglect"
    SUICIDE = "2", "2. Suicide or deliberate self-inflicted harm"
    TRAUMA = "3", "3. Trauma and other external factors"
    MALIGNANCY = "4", "4. Malignancy"
    ACUTE = "5", "5. Acute medical or surgical condition"
    CHRONIC = "6", "6. Chronic medical condition"
    CONGENITAL = "7", "7. Chromosomal, genetic and congenital anomalies"
    PERINATAL = "8", "8. Perinatal/neonatal event"
    INFECTION = "9", "9. Infection"
    SUDDEN = "10", "10. Sudden unexpected, unexplained death"


class Modifiable(models.TextChoices):
    YES = "yes", "Modifiable factors identified"
    NO = "no", "No modifiable factors identified"
    INSUFFICIENT = "insufficient", "Insufficient information"


# Age bands of the annual report, in order: (key, label, under this many years).
AGE_BANDS = [
    ("neonate", "Neonate (under 28 days)", None),
    ("infant", "28 days to under 1 year", 1),
    ("1-4", "1 to 4 years", 5),
    ("5-9", "5 to 9 years", 10),
    ("10-14", "10 to 14 years", 15),
    ("15-17", "15 to 17 years", 18),
]
# The grouping the reference reports publish, beside the national bands above.
PUBLISHED_AGE_GROUPS = [
    ("neonate", "Under 28 days"),
    ("infant", "28 days to under 1 year"),
    ("1_and_over", "1 year and over"),
]
NEONATAL_DAYS = 28
ADULT_AGE = 18


def completed_years(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def published_age_group_of(band: str) -> str:
    return band if band in ("neonate", "infant") else "1_and_over"


def age_band_of(born: date, died: date) -> str | None:
    if (died - born).days < NEONATAL_DAYS:
        return "neonate"
    years = completed_years(born, died)
    for key, _label, under in AGE_BANDS[1:]:
        if years < under:
            return key
    return None  # 18 or over: not a child death
