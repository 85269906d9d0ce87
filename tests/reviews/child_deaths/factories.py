"""Cases are made through the services, as a person entering them would make them."""

from datetime import date, timedelta

from board.models import Board
from reviews.child_deaths.models import CdopCase, DeathCategory, Expectation, Locality, Modifiable
from reviews.child_deaths.services.cases import cdop_case_notify, cdop_case_record_analysis

NOTIFICATION = {
    "date_of_birth": date(2013, 5, 1),
    "date_of_death": date(2013, 5, 10),
    "sex": "female",
    "ethnicity": "white",
    "place_of_death": "hospital",
    "locality": "Selhurst",
    "notified_by": "Hospital paediatrician",
    "notified_on": date(2013, 5, 11),
    "expectation": Expectation.EXPECTED,
}


def locality(board: Board, name: str) -> Locality:
    """An area on the board's list, added to the end of it if it is not there yet."""
    found = Locality.objects.filter(board=board, name__iexact=name).first()
    return found or Locality.objects.create(
        board=board, name=name, position=Locality.objects.filter(board=board).count()
    )


def notify(board: Board, **overrides) -> CdopCase:
    """A notified case; `locality` may be given as a name on (or for) the board's list."""
    fields = {**NOTIFICATION, **overrides}
    if isinstance(fields["locality"], str):
        fields["locality"] = locality(board, fields["locality"])
    if "date_of_death" in overrides and "notified_on" not in overrides:
        fields["notified_on"] = overrides["date_of_death"] + timedelta(days=1)
    return cdop_case_notify(board=board, **fields)


def review(case: CdopCase, **overrides) -> CdopCase:
    fields = {
        "panel_review_on": case.notified_on + timedelta(days=90),
        "expectation": case.expectation,
        "category": DeathCategory.PERINATAL,
        "modifiable": Modifiable.NO,
        "factors_child": "",
        "factors_family": "",
        "factors_physical": "",
        "factors_service": "",
        "learning_points": "",
        **overrides,
    }
    risk_factors = fields.pop("risk_factors", [])
    return cdop_case_record_analysis(case=case, risk_factors=risk_factors, **fields)


def case_for(board: Board) -> CdopCase:
    """A reviewed case, for URLs that need one (the permission matrix)."""
    return review(notify(board))
