"""Records of the last six months (and older ones) for the JTAI readiness pack's tests."""

from datetime import timedelta

from django.utils import timezone

from board.models import Action
from board.services.actions import action_create
from datasets.models import Indicator, Observation
from reviews.assurance.services.audits import audit_create, audit_finding_add, rating_levels
from reviews.assurance.services.inspections import inspection_create
from reviews.assurance.services.section11 import section11_return_create
from tests.factories import AgencyFactory, UserFactory
from tests.reviews.assurance.inspection_factories import recommend
from tests.reviews.assurance.section11_factories import all_rated, make_cycle


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


def audit(board, title: str, *, ended_days_ago: int, finding: str):
    levels = rating_levels(board=board)
    made = audit_create(
        board=board, title=title, audit_type="multi_agency", sample_size=40,
        period_start=days_ago(ended_days_ago + 90), period_end=days_ago(ended_days_ago),
        counts={levels[1]: 30, levels[2]: 10},
    )  # fmt: skip
    audit_finding_add(audit=made, text=finding)
    return made


def records(board, prefix: str = "") -> dict:
    """Each part's record in the six months and one older than them, named with `prefix`
    (another board's records carry another)."""
    agency = AgencyFactory(board=board, name=f"{prefix}Children's social care")
    audit(board, f"{prefix}Neglect audit", ended_days_ago=30, finding=f"{prefix}Plans drift")
    audit(board, f"{prefix}Old MASH audit", ended_days_ago=400, finding=f"{prefix}Old finding")
    recent = make_cycle(board, [agency], title=f"{prefix}Section 11 recent",
                        opens_on=days_ago(120), due_on=days_ago(40))  # fmt: skip
    section11_return_create(cycle=recent, agency=agency, submitted_on=days_ago(45),
                            ratings=all_rated(board, "red", "amber", "green"))  # fmt: skip
    old = make_cycle(board, [agency], title=f"{prefix}Section 11 old",
                     opens_on=days_ago(700), due_on=days_ago(600))  # fmt: skip
    section11_return_create(cycle=old, agency=agency, submitted_on=days_ago(610),
                            ratings=all_rated(board, "green"))  # fmt: skip
    user = UserFactory()
    action_create(board=board, description=f"{prefix}=HYPERLINK(\"x\") review thresholds",
                  owner_agency=agency, due_date=days_ago(-30), created_by=user)  # fmt: skip
    done = action_create(board=board, description=f"{prefix}Finished action",
                         owner_agency=agency, due_date=days_ago(10), created_by=user,
                         status="complete")  # fmt: skip
    inspection = inspection_create(
        board=board, inspectorate="joint", title=f"{prefix}JTAI neglect",
        start_date=days_ago(60), end_date=days_ago(55), published_on=days_ago(20),
    )  # fmt: skip
    recommend(inspection, agency, text=f"{prefix}Improve supervision", due_date=days_ago(-90))
    old_inspection = inspection_create(
        board=board, inspectorate="ofsted", title=f"{prefix}Old SIF",
        start_date=days_ago(900), end_date=days_ago(890), published_on=days_ago(850),
    )  # fmt: skip
    old_recommendation = recommend(old_inspection, agency, text=f"{prefix}Old recommendation",
                                   due_date=days_ago(500))  # fmt: skip
    # Done long ago: an open action would be in the pack whatever its age.
    Action.objects.for_source(old_recommendation).update(status="complete")
    indicator = Indicator.objects.create(
        board=board, code="cp_plans", name=f"{prefix}Children on a plan", theme="Protection",
        period_type="month", rollup="latest",
    )  # fmt: skip
    this_month = timezone.localdate().replace(day=1)
    Observation.objects.create(board=board, indicator=indicator, period_start=this_month,
                               value=312)  # fmt: skip
    stale = Indicator.objects.create(
        board=board, code="old_only", name=f"{prefix}Only old figures", theme="Protection",
        period_type="month", rollup="latest",
    )  # fmt: skip
    Observation.objects.create(board=board, indicator=stale,
                               period_start=this_month.replace(year=this_month.year - 2),
                               value=99)  # fmt: skip
    return {"agency": agency, "done": done}
