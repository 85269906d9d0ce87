"""The year's cases as CSV, with the fields of the panel's analysis form, for the regional
or national child death database, written by the one exporter (core.exports), which
protects the cells against formula injection."""

from collections.abc import Iterable

from core.exports import Table, csv_bytes

from .models import CdopCase

COLUMNS = [
    ("Case number", lambda c: c.number),
    ("Date notified", lambda c: c.notified_on),
    ("Notified by", lambda c: c.notified_by),
    ("Date of birth", lambda c: c.date_of_birth),
    ("Date of death", lambda c: c.date_of_death),
    ("Age at death (days)", lambda c: c.age_at_death_days),
    ("Age band", lambda c: c.age_band_label),
    ("Sex", lambda c: c.get_sex_display()),
    ("Ethnicity", lambda c: c.get_ethnicity_display()),
    ("Place of death", lambda c: c.get_place_of_death_display()),
    ("Area of residence", lambda c: c.locality),
    ("Expected or unexpected", lambda c: c.get_expectation_display()),
    ("Rapid response meeting", lambda c: c.rapid_response_on),
    ("Child death review meeting", lambda c: c.review_meeting_on),
    ("Panel review", lambda c: c.panel_review_on),
    ("Category number", lambda c: c.category),
    ("Category of death", lambda c: c.get_category_display()),
    ("Modifiable factors", lambda c: c.get_modifiable_display()),
    ("Factors in the child", lambda c: c.factors_child),
    ("Factors in the family and environment", lambda c: c.factors_family),
    ("Factors in the physical environment", lambda c: c.factors_physical),
    ("Factors in service provision", lambda c: c.factors_service),
    ("Risk factors", lambda c: "; ".join(f.name for f in c.risk_factors.all())),
    ("Learning points", lambda c: c.learning_points),
    ("Recommendations", lambda c: " | ".join(r.text for r in c.recommendations.all())),
    ("Referred to SCR sub-group", lambda c: c.scr_referred_on),
    ("Reason for SCR referral", lambda c: c.scr_referral_reason),
    ("Closed", lambda c: c.closed_on),
]


def cases_table(cases: Iterable[CdopCase]) -> Table:
    rows = ([value(case) for _, value in COLUMNS] for case in cases)
    return Table([heading for heading, _ in COLUMNS], rows, title="cases")


def cases_csv(cases: Iterable[CdopCase]) -> bytes:
    return csv_bytes(cases_table(cases))
