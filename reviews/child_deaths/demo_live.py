"""The panel's current year in the demo, dated from the day it is loaded: deaths notified
this year, agency forms requested a few days ago (due soon) and a case whose forms are
overdue. Recorded through the services. Safe to run again: each case is found
by its notifier (which names it as the demo's) and its dates brought up to today."""

from datetime import date, timedelta

from django.utils import timezone

from board.demo_live import within
from board.models import Agency, Board
from core.periods import FinancialYear

from .models import AgencyForm, CdopCase
from .services.cases import agency_form_request, agency_form_update, cdop_case_notify

FORM_AGENCIES = ["Metropolitan Police Service", "Croydon Children's Social Care"]
# (notifier, days since the death, days since the forms were requested or None, expected?)
CASES = [
    ("Croydon University Hospital (this year's demo, 1)", 60, 45, "expected"),
    ("Police (SPOC) (this year's demo, 2)", 12, 5, "unexpected"),
    ("Croydon University Hospital (this year's demo, 3)", 8, 3, "expected"),
]


def load(board: Board, today: date | None = None) -> None:
    today = today or timezone.localdate()
    year = FinancialYear.containing(today)
    agencies = list(Agency.objects.filter(board=board, name__in=FORM_AGENCIES))
    for n, (notifier, days, requested_days, expectation) in enumerate(CASES):
        died = within(year, today - timedelta(days=days))
        fields = {
            "date_of_birth": died - timedelta(days=400 + 300 * n),
            "date_of_death": died,
            "sex": "female" if n % 2 else "male",
            "ethnicity": "white",
            "place_of_death": "hospital",
            "notified_by": notifier,
            "notified_on": died,
            "expectation": expectation,
        }
        case = CdopCase.objects.filter(board=board, notified_by=notifier).first()
        if case is None:
            case = cdop_case_notify(board=board, **fields)
        elif case.notified_on != died:
            for name, value in fields.items():
                setattr(case, name, value)
            case.full_clean()
            case.save()
        requested = max(today - timedelta(days=requested_days), died)
        for agency in agencies:
            _form(case, agency, requested)


def _form(case: CdopCase, agency: Agency, requested: date) -> None:
    contact = f"cdop-{agency.sector}@example.org"
    form = AgencyForm.objects.filter(case=case, agency=agency).first()
    if form is None:
        agency_form_request(case=case, agency=agency, contact_email=contact, requested_on=requested)
    elif form.requested_on != requested:
        agency_form_update(
            agency_form=form, contact_email=contact, requested_on=requested, received_on=None
        )
