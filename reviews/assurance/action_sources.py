"""Assurance's kinds of action, registered with the board's action tracker in
AssuranceConfig.ready: each action links back to the audit, Section 11 return or
inspection that made it."""

from board import action_sources
from core.links import board_url

AUDIT = "audit"
SECTION_11 = "section_11"
INSPECTION = "inspection"


def register(app_label: str) -> None:
    sources = [
        (AUDIT, "Audit",
         lambda r: board_url(r.board, "assurance:audit-detail", audit_id=r.audit_id)),
        (SECTION_11, "Section 11 self-assessment",
         lambda r: board_url(r.board, "assurance:section11-return-detail", return_id=r.pk)),
        (INSPECTION, "Inspection",
         lambda r: board_url(r.board, "assurance:inspection-detail",
                             inspection_id=r.inspection_id)),
    ]  # fmt: skip
    for key, label, link in sources:
        action_sources.register(key, label, app_label=app_label, link=link)
