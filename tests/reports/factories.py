"""Reports' own test data: a small board with a copied template and a year's report."""

import datetime

from board.models import Action, ActionSource, ActionStatus, Agency, Sector
from core.periods import FinancialYear
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


def dataset(board, code: str = "referrals", name: str = "Referrals to children's social care",
            values=(100, 110, 120, 130), last_year=(90, 95, 100, 105), period_type="quarter",
            unit="count"):  # fmt: skip
    """A quarterly indicator summed over the year, with two years of observations (by
    quarter; a yearly indicator takes one value a year, `values=(92000,)`)."""
    from datasets.models import Indicator, Observation

    indicator = Indicator.objects.create(
        board=board, code=code, name=name, theme="Front door", period_type=period_type,
        rollup="sum", unit=unit,
    )  # fmt: skip
    for year, series in ((YEAR, values), (YEAR.previous(), last_year)):
        for quarter, value in zip(year.quarters, series, strict=False):
            if value is not None:
                Observation.objects.create(
                    board=board, indicator=indicator, period_start=quarter.start, value=value
                )
    return indicator


def set_section(report, section_type: str, **fields):
    section = report.sections.filter(section_type=section_type).first()
    for name, value in fields.items():
        setattr(section, name, value)
    section.save()
    return section


def pdf_pages(pdf: bytes) -> list[str]:
    from io import BytesIO

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def subgroup_with_returns(board, name="Health", approved=(1,), others=None, actions=()):
    """A sub-group (default questions, owning `actions`) with an approved 2014/15 return
    for each quarter in `approved`; `others` maps quarter numbers to another status
    (draft, submitted...). Each answer names its quarter: "Q2 answer to ..."."""
    from subgroups.models import ReturnStatus, SubGroup
    from subgroups.services.groups import questions_add_defaults
    from subgroups.services.spec import template_spec

    subgroup, _ = SubGroup.objects.get_or_create(board=board, name=name)
    questions_add_defaults(subgroup=subgroup)
    subgroup.actions.add(*actions)
    statuses = {n: ReturnStatus.APPROVED for n in approved} | dict(others or {})
    for number, status in statuses.items():
        return_for_quarter(subgroup, number, status, template_spec(subgroup))
    return subgroup


def return_for_quarter(subgroup, number, status, spec, action_status="on_track"):
    from subgroups.models import QuarterlyReturn, ReturnStatus

    quarter = YEAR.quarter(number)
    submitted = status in ("submitted", "returned", "resubmitted", "approved")
    moment = datetime.datetime(quarter.end.year, quarter.end.month, quarter.end.day, 12,
                               tzinfo=datetime.UTC)  # fmt: skip
    content = {
        "questions": {q["id"]: f"Q{number} answer to {q['text']}" for q in spec["questions"]},
        "actions": {
            a["id"]: {"status": action_status, "comment": f"Q{number} progress"}
            for a in spec["actions"]
        },
        "figures": {},
        "comments": {},
    }
    found, _ = QuarterlyReturn.objects.update_or_create(
        board=subgroup.board,
        subgroup=subgroup,
        period_start=quarter.start,
        defaults={
            "status": status,
            "content": content,
            "template": spec if submitted else None,
            "first_submitted_at": moment if submitted else None,
            "approved_at": moment if status == ReturnStatus.APPROVED else None,
        },
    )
    return found
