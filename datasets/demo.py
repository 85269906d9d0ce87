"""The demo board's dataset: two financial years (2013/14 and 2014/15) of the figures the
Croydon LSCB annual reports publish (../shared/reference/), plus England benchmarks.

Published figures are used as printed: contacts 22,806 and referrals 3,588 (2013/14);
assessments 2,720 of which 73% within 45 days (2013/14) and 3,536 of which 71.97% (2014/15,
so 2,545); children in need 3,736 (April 2014) and 3,624 (March 2015); 348 children on a
plan in March 2015; 32 repeat plans (2013/14); looked after children 801 (443 local, 358
UASC) in April 2014 and 805 (397 and 408) in March 2015; private fostering by month
(Figure 9) and 6 and 9 arrangements in February and March 2014; training attendance by
course (2014/15) and "over four hundred" at the SCR workshops (2013/14); training spend
£26,387; 37 child deaths notified and 36 reviews, 26 expected and 10 unexpected (2013/14).
From the 2014/15 review's local context, as printed: children under five and those in the
most disadvantaged areas by locality (Figure 2, whose printed total does not add up: see
UNDER_FIVES), families at children's centres by locality (Figure 3), early help (461 and
564 assessments, 473 FEP referrals, 537 Troubled Families outcomes, 2,588 helped by the
Family Justice Centre, 354 MARAC referrals), 6,392 children in need in the year, serious
youth violence (351 offences, 101 young people), private fostering (2 children needing
intervention, 1 carer prohibited) and the LADO's 12 cases awaiting prosecution and 10 staff
dismissed or resigned.

The reports give annual or year-end totals only, so quarterly splits, the category split
of plans and the child population (about 89,000 aged 0-17) are ILLUSTRATIVE: chosen to add
up to the published totals and to follow the trends the reports describe. England
benchmarks are DfE national figures as we understand them; check before quoting.

The figures are loaded through the importer (the same path as a board's own file), so
loading twice changes nothing."""

from board.models import Board
from core.exports import Table, csv_bytes

from .services.catalogue import catalogue_install_starter
from .services.imports import import_file
from .services.snapshots import snapshot_refresh

Y1, Y2 = "2013-14", "2014-15"


def _quarters(code: str, year: str, values, breakdown: str = "total") -> list[list]:
    return [[code, f"{year} Q{n}", breakdown, v, ""] for n, v in enumerate(values, 1)]


def _rows() -> list[list]:
    rows: list[list] = []
    add = rows.extend
    add(_quarters("contacts", Y1, [5650, 5780, 5621, 5755]))
    add(_quarters("referrals", Y1, [980, 920, 850, 838]))
    add(_quarters("assessments", Y1, [640, 700, 680, 700]))
    add(_quarters("assessments_45", Y1, [470, 505, 500, 511]))
    add(_quarters("assessments", Y2, [860, 900, 880, 896]))
    add(_quarters("assessments_45", Y2, [610, 650, 640, 645]))
    add(_quarters("cin", Y1, [3610, 3655, 3702, 3736]))
    add(_quarters("cin", Y2, [3790, 3702, 3668, 3624]))
    add(_quarters("cp_plans", Y1, [371, 382, 394, 401]))
    add(_quarters("cp_plans", Y2, [392, 375, 361, 348]))
    add(_quarters("cp_repeat", Y1, [9, 8, 8, 7]))
    for category, y1, y2 in [
        ("emotional", 168, 129),
        ("neglect", 152, 148),
        ("physical", 40, 34),
        ("sexual", 19, 17),
        ("multiple", 22, 20),
    ]:
        rows.append(["cp_plans", f"{Y1} Q4", f"category_of_abuse:{category}", y1, ""])
        rows.append(["cp_plans", f"{Y2} Q4", f"category_of_abuse:{category}", y2, ""])
    add(_quarters("lac", Y1, [780, 788, 795, 801]))
    add(_quarters("lac", Y2, [802, 804, 805, 805]))
    for quarter, local, uasc in [(f"{Y1} Q4", 443, 358)] + [
        (f"{Y2} Q{n}", local, uasc)
        for n, (local, uasc) in enumerate([(431, 371), (420, 384), (409, 396), (397, 408)], 1)
    ]:
        rows.append(["lac", quarter, "lac_group:local", local, ""])
        rows.append(["lac", quarter, "lac_group:uasc", uasc, ""])
    months = ["04", "05", "06", "07", "08", "09", "10", "11", "12", "01", "02", "03"]
    fostering = [20, 25, 27, 27, 23, 23, 28, 29, 23, 27, 25, 24]
    for month, value in zip(months, fostering, strict=True):
        year = 2015 if month in ("01", "02", "03") else 2014
        rows.append(["private_fostering", f"{year}-{month}", "total", value, ""])
    rows.append(["private_fostering", "2014-02", "total", 6, ""])
    rows.append(["private_fostering", "2014-03", "total", 9, ""])
    courses = {
        "cse_op_raptor": 60,
        "cse_gangs": 24,
        "serious_case_reviews": 244,
        "level_3": 262,
        "da_sexual_violence": 56,
        "dash": 29,
        "trafficking": 20,
        "prevent": 81,
        "conference": 186,
        "private_fostering": 47,
        "capi": 83,
        "systemic_practice": 29,
        "fii": 77,
        "engaging_men": 21,
        "online_introductory": 1600,
    }
    for course, value in courses.items():
        rows.append(["training_attendance", Y2, f"training_course:{course}", value, ""])
    rows.append(["training_attendance", Y2, "total", sum(courses.values()), ""])
    rows.append(["training_attendance", Y1, "training_course:serious_case_reviews", 400, "over"])
    rows.append(["training_attendance", Y1, "total", 400, "over"])
    rows.append(["training_spend", Y2, "total", 26387, ""])
    rows.append(["child_deaths", Y1, "total", 37, ""])
    rows.append(["cdop_reviews", Y1, "total", 36, ""])
    rows.append(["cdop_reviews", Y1, "death_expectation:expected", 26, ""])
    rows.append(["cdop_reviews", Y1, "death_expectation:unexpected", 10, ""])
    rows.append(["child_population", Y1, "total", 88500, "approximately"])
    rows.append(["child_population", Y2, "total", 89400, "approximately"])
    rows.extend(_review_2014_15_rows())
    return rows


# The 2014/15 review's tables by locality (North, South, East, West, Central), as printed.
# Figure 2: children aged under five (ONS 2013 mid-year estimate). The review prints its
# "Croydon" total as 28,651, but its five localities add up to 28,549: the total loaded is
# the sum, so the report prints 28,549 (and tests/reports/test_demo_reference_figures.py
# says so).
LOCALITIES = ["north", "south", "east", "west", "central"]
UNDER_FIVES = [6649, 5883, 2953, 6458, 6606]
UNDER_FIVES_PRINTED_TOTAL = 28651
UNDER_FIVES_DISADVANTAGED = [1659, 315, 2084, 3838, 2299]  # printed total 10,195: adds up
# Figure 3: families at children's centres, by locality (2014/15) and the 2013/14 total.
CHILDRENS_CENTRES = {
    "cc_families": ([2115, 2229, 2496, 3478, 2909], 12269),
    "cc_bme_families": ([1795, 955, 1000, 2508, 2049], 6295),
    "cc_lone_parents": ([339, 186, 403, 508, 416], 1350),
    "cc_fathers": ([299, 268, 366, 682, 275], 1681),
    "cc_teenage_parents": ([33, 26, 51, 85, 50], 199),
}
# Single yearly figures the review prints: (indicator, year, value).
YEARLY = [
    ("early_help_assessments", Y1, 461),
    ("early_help_assessments", Y2, 564),
    ("fep_referrals", Y2, 473),
    ("troubled_families", Y2, 537),
    ("fjc_individuals", Y2, 2588),
    ("marac_referrals", Y2, 354),
    ("cin_in_year", Y2, 6392),
    ("youth_violence_offences", Y2, 351),
    ("youth_violence_young_people", Y2, 101),
    ("pf_safeguarding_interventions", Y2, 2),
    ("pf_carers_prohibited", Y2, 1),
    ("lado_prosecutions", Y2, 12),
    ("lado_dismissals", Y2, 10),
]


def _by_locality(code: str, year: str, values: list[int]) -> list[list]:
    """One row per locality and the total worked out from them, never a typed total."""
    rows = [[code, year, f"locality:{place}", value, ""] for place, value in zip(
        LOCALITIES, values, strict=True)]  # fmt: skip
    return rows + [[code, year, "total", sum(values), ""]]


def _review_2014_15_rows() -> list[list]:
    rows = _by_locality("under_fives", Y2, UNDER_FIVES)
    rows += _by_locality("under_fives_disadvantaged", Y2, UNDER_FIVES_DISADVANTAGED)
    for code, (localities, last_year) in CHILDRENS_CENTRES.items():
        rows += _by_locality(code, Y2, localities)
        rows.append([code, Y1, "total", last_year, ""])
    rows += [[code, year, "total", value, ""] for code, year, value in YEARLY]
    return rows


# (indicator, year, England value): DfE national statistics (check before quoting).
ENGLAND = [
    ("assessments_45_pct", Y1, "82.2"),
    ("assessments_45_pct", Y2, "81.5"),
    ("cp_rate", Y1, "42.1"),
    ("cp_rate", Y2, "42.9"),
    ("lac_rate", Y1, "60.0"),
    ("lac_rate", Y2, "60.0"),
]


def table(board: Board) -> list[list]:
    header = ["board", "indicator", "period", "breakdown", "value", "qualifier", "status"]
    body = [[board.slug, *row, "final"] for row in _rows()]
    benchmarks = [
        [board.slug, code, year, "total", value, "", "", "england"] for code, year, value in ENGLAND
    ]
    return [header + ["comparator"]] + [r + [""] for r in body] + benchmarks


def load(board: Board, write) -> None:
    catalogue_install_starter(board=board)
    rows = table(board)
    content = csv_bytes(Table(rows[0], rows[1:]))
    preview = import_file(filename="demo.csv", content=content, boards=[board])
    if preview.errors:
        raise RuntimeError("Demo figures do not import: " + "; ".join(map(str, preview.errors)))
    for year in (Y1, Y2):
        snapshot_refresh(board=board, year=year)
    counts = preview.counts
    write(f"  Dataset: {counts['new']} new figures, {counts['changed']} changed")
