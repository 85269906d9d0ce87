"""The yearly report's part of the report page: the checklist with each unsatisfied
item's fix, the lead partners' sign-off, the scrutineer's assessment and the send-on
clock; and who may record what."""

from django.utils import timezone

from board.access import BoardAccess
from board.models import Role
from board.partners import lead_partners

from ..models import AnnualReport, ReportState
from .checklist import checklist
from .clock import clocks_for, send_on_days
from .fixes import checklist_fix
from .models import ScrutinyAssessment


def scrutinises(*, access: BoardAccess, report: AnnualReport) -> bool:
    """The independent scrutineer reads the yearly report they assess, draft or not."""
    return report.is_partnership_yearly and access.has_any({Role.SCRUTINEER})


def panel(report: AnnualReport, access: BoardAccess) -> dict | None:
    if not report.is_partnership_yearly:
        return None
    rows = checklist(report)
    published = report.state == ReportState.PUBLISHED
    signed = {s.agency_id: s for s in report.sign_offs.select_related("agency")}
    return {
        "rows": [(row, None if row.satisfied else checklist_fix(report, row.item.key, row.section))
                 for row in rows],
        "satisfied": sum(row.satisfied for row in rows),
        "partners": [(agency, signed.get(agency.pk)) for agency in lead_partners(report.board)],
        "scrutiny": ScrutinyAssessment.objects.filter(board=report.board, report=report).first(),
        "clocks": clocks_for(report, send_on_days(report.board), timezone.localdate()),
        "may_sign": access.is_manager and not published,
        "may_assess": access.has_any({Role.BOARD_MANAGER, Role.SCRUTINEER}) and not published,
        "may_send": access.is_manager and published,
    }  # fmt: skip
