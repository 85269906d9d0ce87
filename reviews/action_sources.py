"""The reviews app's kinds of action, registered with the board's action tracker in
ReviewsConfig.ready (board lists none of them): each recommendation's actions link back
to the page of the review, case, audit, return or inspection that made it."""

from django.urls import reverse

from board import action_sources

SERIOUS_CASE_REVIEW = "serious_case_review"
CDOP = "cdop"
AUDIT = "audit"
SECTION_11 = "section_11"
INSPECTION = "inspection"


def _page(url_name: str, source, **kwargs) -> str:
    return reverse(f"reviews:{url_name}", kwargs={"board_slug": source.board.slug, **kwargs})


def register(app_label: str) -> None:
    sources = [
        (SERIOUS_CASE_REVIEW, "Serious case review recommendation",
         lambda r: _page("scr-review-detail", r, review_id=r.review_id)),
        (CDOP, "CDOP recommendation", lambda r: _page("cdop-case-detail", r, case_id=r.case_id)),
        (AUDIT, "Audit", lambda r: _page("audit-detail", r, audit_id=r.audit_id)),
        (SECTION_11, "Section 11 self-assessment",
         lambda r: _page("section11-return-detail", r, return_id=r.pk)),
        (INSPECTION, "Inspection",
         lambda r: _page("inspection-detail", r, inspection_id=r.inspection_id)),
    ]  # fmt: skip
    for key, label, link in sources:
        action_sources.register(key, label, app_label=app_label, link=link)
