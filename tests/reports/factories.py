"""Reports' own test data: a small board with a copied template and a year's report."""

import datetime

from board.models import Action, ActionSource, ActionStatus, Agency, Sector
from board.periods import FinancialYear
from reports import services
from reports.models import Acronym, AnnualReport

YEAR = FinancialYear(2014)


def report_for(board, *, template_key: str = "short-review", **narratives) -> AnnualReport:
    """A drafting report for 2014/15 from a built-in template; `narratives` give text by
    section title (spaces as underscores)."""
    template = services.template_copy_builtin(board=board, key=template_key)
    report = services.report_create(board=board, year=YEAR, template=template)
    for section in report.sections.all():
        text = narratives.get(section.title.replace(" ", "_"))
        if text is not None:
            section.narrative = text
            section.save()
    return report


def business_plan_actions(board, count: int = 3) -> list[Action]:
    agency = Agency.objects.create(board=board, name="Police", sector=Sector.POLICE)
    statuses = [ActionStatus.COMPLETE, ActionStatus.ON_TRACK, ActionStatus.AT_RISK]
    return [
        Action.objects.create(
            board=board,
            description=f"Business plan action {n}",
            owner_agency=agency,
            due_date=datetime.date(2014, 6 + n, 1),
            status=statuses[n % 3],
            source_type=ActionSource.BUSINESS_PLAN,
        )
        for n in range(count)
    ]


def acronyms(board) -> None:
    for term, meaning in [("CDOP", "Child Death Overview Panel"), ("SCR", "Serious case review")]:
        Acronym.objects.create(board=board, term=term, meaning=meaning)
