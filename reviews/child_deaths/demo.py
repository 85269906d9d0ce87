"""The demo board's child death caseload: synthetic cases (no real child) for 2013/14 and
2014/15, shaped so that the statistics reproduce what Croydon's 2013/14 annual report
published about its Child Death Overview Panel:

    notified of 37 child deaths and the panel completed 36 reviews; of these 6 died in
    2011/12, 16 in 2012/13 and 14 in 2013/14; 14 (38.9%) neonates; 12 (33.3%) aged 28 days
    to under one year; 26 (72.2%) expected and 10 (27.8%) unexpected; two sudden
    unexpected deaths in infancy; one case with modifiable factors; 8 rapid response
    meetings; risk factors smoking, emotional, co-sleeping and domestic violence.

"44.5% of child deaths reviewed were from black and minority ethnic groups" cannot be
reproduced: no whole number of 36 reviews is 44.5% (16 is 44.4%, 17 is 47.2%); the demo
has 16. The 2014/15 review publishes no CDOP counts, so that year's figures are invented.
Safe to run again: every record is found by its case number and updated.

Areas of residence come from the board's list: the five localities the 2014/15 review
counts Croydon's children by (North, South, East, West, Central). Each case's ward, from
those the reviews name, decides its locality (an illustrative grouping, not the council's
boundaries); one case has none and counts as "not recorded".
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from board.models import Agency, Board, Role, RoleAssignment
from core.periods import FinancialYear

from .models import AgencyForm, CdopCase, CdopRecommendation, Locality, RiskFactor
from .models.vocabularies import age_band_of
from .services.cases import cdop_recommendation_create
from .services.localities import localities_update

MEETINGS = [
    date(2013, 5, 14), date(2013, 7, 16), date(2013, 10, 15), date(2013, 12, 10),
    date(2014, 3, 11), date(2014, 5, 13), date(2014, 7, 15), date(2014, 9, 16),
    date(2014, 12, 9), date(2015, 3, 10),
]  # fmt: skip
SMOKE, COSLEEP, DV, EMO = (
    "Smoking",
    "Co-sleeping",
    "Domestic violence",
    ("Emotional or behavioural difficulties"),
)
E, U = "expected", "unexpected"
NOTIFIED_AFTER = timedelta(days=1)

# The 36 reviews of 2013/14: (age band, category, expected?, modifiable, risks, year died).
REVIEWED_2013_14 = [
    *[("neonate", "8", E, "no", (), y) for y in (2011, 2012, 2012, 2012, 2013)],
    ("neonate", "8", E, "no", (SMOKE,), 2013),
    ("neonate", "8", E, "no", (SMOKE, DV), 2013),
    *[("neonate", "8", E, "no", (), y) for y in (2013, 2012, 2011)],
    *[("neonate", "7", E, "no", (), y) for y in (2012, 2013, 2012, 2011)],
    *[("infant", "7", E, "no", (), y) for y in (2012, 2013, 2012, 2011, 2012)],
    ("infant", "10", U, "yes", (SMOKE, COSLEEP), 2013),
    ("infant", "10", U, "insufficient", (SMOKE, COSLEEP), 2012),
    ("infant", "9", U, "no", (SMOKE,), 2012),
    ("infant", "9", U, "no", (), 2013),
    ("infant", "5", U, "no", (), 2012),
    ("infant", "5", U, "no", (), 2013),
    ("infant", "9", E, "no", (), 2012),
    ("1-4", "4", E, "no", (), 2013),
    ("1-4", "3", U, "no", (DV,), 2013),
    ("5-9", "4", E, "no", (), 2011),
    ("5-9", "6", E, "no", (), 2012),
    ("5-9", "5", U, "no", (), 2012),
    ("10-14", "6", E, "no", (), 2013),
    ("10-14", "4", E, "no", (), 2012),
    ("10-14", "3", U, "no", (EMO,), 2011),
    ("15-17", "2", U, "no", (EMO,), 2013),
    ("15-17", "6", E, "no", (EMO,), 2013),
]
# Later caseload (invented): expected profiles cycled, unexpected ones where placed.
EXPECTED_PROFILES = [
    ("neonate", "8", E, "no", ()),
    ("infant", "7", E, "no", ()),
    ("neonate", "7", E, "no", ()),
    ("5-9", "4", E, "no", ()),
    ("neonate", "8", E, "no", (SMOKE,)),
    ("10-14", "6", E, "no", ()),
]
UNEXPECTED_PROFILES = [
    ("infant", "10", U, "yes", (COSLEEP, SMOKE)),
    ("15-17", "3", U, "yes", ()),
    ("1-4", "9", U, "no", ()),
]
WARDS = [
    "Fieldway", "New Addington", "Selhurst", "Broad Green", "Thornton Heath", "Norbury",
    "Fieldway", "West Thornton", "Selhurst", "Waddon", "New Addington", "Coulsdon East",
    "Broad Green", "South Norwood", "Thornton Heath", "Sanderstead",
]  # fmt: skip
LOCALITIES = ["North", "South", "East", "West", "Central"]
WARD_LOCALITY = {
    "Norbury": "North", "Thornton Heath": "North", "Selhurst": "North",
    "South Norwood": "North", "Fieldway": "East", "New Addington": "East",
    "Broad Green": "Central", "Waddon": "West", "West Thornton": "West",
    "Coulsdon East": "South", "Sanderstead": "South",
}  # fmt: skip
NOT_RECORDED_CASE = 35  # the demo's one case with no area from the list
MINORITY = ["black", "asian", "mixed", "other"]
FORM_AGENCIES = [
    "Metropolitan Police Service",
    "Croydon Clinical Commissioning Group",
    "Croydon Children's Social Care",
]
RECOMMENDATION = (
    "Run a multi-agency safer sleep campaign on co-sleeping and baby slings, and report "
    "its reach to the Board."
)


def _birth(band: str, died: date, i: int) -> date:
    if band == "neonate":
        return died - timedelta(days=1 + i % 20)
    if band == "infant":
        return died - timedelta(days=35 + (i * 23) % 300)
    low, high = (int(part) for part in band.split("-"))
    return died - relativedelta(years=low + i % (high - low + 1), days=30 + (i * 7) % 200)


def _review_meeting(died: date, after: date, weeks: int = 8) -> date:
    return next(day for day in MEETINGS if day >= max(after, died + timedelta(weeks=weeks)))


def _rows() -> list[dict]:
    """Every demo case as a row: profile, date of death and panel review (or None)."""
    rows = []
    dates = {2011: date(2011, 5, 1), 2012: date(2012, 4, 10), 2013: date(2013, 4, 3)}
    steps = {2011: 50, 2012: 21, 2013: 12}
    for i, (*profile, year) in enumerate(REVIEWED_2013_14):
        died = dates[year]
        dates[year] += timedelta(days=steps[year])
        review = _review_meeting(died, MEETINGS[0])
        rows.append({"profile": profile, "died": died, "review": review, "i": i})
    for k in range(23):  # notified in 2013/14, reviewed in 2014/15
        profile = UNEXPECTED_PROFILES[k % 3] if k in (4, 11, 18) else EXPECTED_PROFILES[k % 6]
        died = date(2013, 9, 5) + timedelta(days=9 * k)
        review = _review_meeting(died, MEETINGS[5], weeks=21)
        rows.append({"profile": profile, "died": died, "review": review, "i": 36 + k})
    for k in range(31):  # notified in 2014/15; the later ones still open
        profile = UNEXPECTED_PROFILES[k % 3] if k % 4 == 0 else EXPECTED_PROFILES[k % 6]
        died = date(2014, 4, 8) + timedelta(days=11 * k)
        review = _review_meeting(died, MEETINGS[5], weeks=21) if k < 12 else None
        rows.append({"profile": profile, "died": died, "review": review, "i": 59 + k})
    return rows


def _numbered(rows: list[dict]) -> list[dict]:
    """Numbers as the app gives them: CDOP-<year>-<nnn> in order of notification."""
    counters: dict[str, int] = {}
    for row in sorted(rows, key=lambda row: (row["died"], row["i"])):
        label = FinancialYear.containing(row["died"] + NOTIFIED_AFTER).slug
        counters[label] = counters.get(label, 0) + 1
        row["number"] = f"CDOP-{label}-{counters[label]:03d}"
    return rows


def _locality(row: dict, localities: dict[str, Locality]) -> Locality | None:
    if row["i"] == NOT_RECORDED_CASE:
        return None
    return localities[WARD_LOCALITY[WARDS[row["i"] % len(WARDS)]]]


def _case_fields(row: dict) -> dict:
    band, category, expectation, modifiable, _risks = row["profile"]
    i, died, review = row["i"], row["died"], row["review"]
    born = _birth(band, died, i)
    if age_band_of(born, died) != band:
        raise ValueError(f"demo case {row['number']} is not in the age band {band}")
    unexpected = expectation == U
    if i == 35 or (i >= 36 and i % 17 == 16):
        ethnicity = "not_known"
    elif i % 9 in (0, 2, 4, 6):
        ethnicity = MINORITY[i % 4]
    else:
        ethnicity = "white"
    place = "home" if category == "10" else "public_place" if category == "3" else "hospital"
    return {
        "date_of_birth": born,
        "date_of_death": died,
        "sex": "female" if i % 2 else "male",
        "ethnicity": ethnicity,
        "place_of_death": "hospice" if category == "4" and i % 2 else place,
        "notified_by": "Croydon University Hospital" if not unexpected else "Police (SPOC)",
        "notified_on": died + NOTIFIED_AFTER,
        "expectation": expectation,
        "rapid_response_on": died + timedelta(days=2) if unexpected else None,
        "review_meeting_on": review - timedelta(days=21) if review and unexpected else None,
        "panel_review_on": review,
        "category": category if review else "",
        "modifiable": modifiable if review else "",
        "factors_family": "Parental smoking; co-sleeping" if modifiable == "yes" else "",
        "learning_points": "Safer sleep advice to be repeated at every contact"
        if category == "10" and review
        else "",
        "closed_on": review + timedelta(days=7) if review and review < MEETINGS[-1] else None,
    }


def _agency_forms(board: Board, case: CdopCase, agencies: list[Agency], i: int) -> None:
    for n, agency in enumerate(agencies):
        requested = case.notified_on + timedelta(days=3)
        received = requested + timedelta(days=21 + (i * 7 + n * 11) % 60)
        if case.panel_review_on:
            received = min(received, case.panel_review_on - timedelta(days=7))
        elif n == 0 or (i + n) % 3 == 0:
            received = None  # still outstanding: the police form is always late
        AgencyForm.objects.update_or_create(
            board=board,
            case=case,
            agency=agency,
            defaults={
                "contact_email": f"cdop-{agency.sector}@example.org",
                "requested_on": requested,
                "received_on": received,
            },
        )


def load(board: Board, stdout_write) -> None:
    localities = {loc.name: loc for loc in localities_update(board=board, names=LOCALITIES)}
    factors = {factor.name: factor for factor in RiskFactor.objects.filter(board=board)}
    agencies = list(Agency.objects.filter(board=board, name__in=FORM_AGENCIES))
    for row in _numbered(_rows()):
        case = CdopCase.objects.filter(board=board, number=row["number"]).first()
        case = case or CdopCase(board=board, number=row["number"])
        for name, value in _case_fields(row).items():
            setattr(case, name, value)
        case.locality = _locality(row, localities)
        case.full_clean()
        case.save()
        case.risk_factors.set([factors[name] for name in row["profile"][4]])
        _agency_forms(board, case, agencies, row["i"])
    _recommendation(board, agencies)
    count = CdopCase.objects.filter(board=board).count()
    stdout_write(f"  Child death cases: {count}")


def _recommendation(board: Board, agencies: list[Agency]) -> None:
    case = (
        CdopCase.objects.filter(board=board, category="10", panel_review_on__gte=date(2014, 4, 1))
        .order_by("number")
        .first()
    )
    exists = CdopRecommendation.objects.filter(board=board, text=RECOMMENDATION).exists()
    owner = Agency.objects.filter(board=board, name="Croydon Public Health").first()
    member = RoleAssignment.objects.filter(board=board, role=Role.CDOP_MEMBER).first()
    if case and owner and member and not exists:
        cdop_recommendation_create(
            case=case,
            text=RECOMMENDATION,
            owner_agency=owner,
            due_date=date(2016, 3, 31),
            created_by=member.user,
        )
