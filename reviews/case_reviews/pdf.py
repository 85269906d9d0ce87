"""The executive summary PDF (WeasyPrint, as the annual report renders): the summary text,
the full action plan with each action's status, and the names of the panel members
(Laming 2009: an executive summary carries the full action plan and the panel's names)."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import html_to_pdf

from .models import CaseReview, MilestoneKind
from .selectors.reviews import actions_for_review

CSS = """
@page { size: A4; margin: 2cm; @bottom-right { content: "Page " counter(page); } }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 4px; text-align: left; vertical-align: top; }
"""


def is_published(review: CaseReview) -> bool:
    return any(m.kind == MilestoneKind.PUBLICATION and m.actual_on for m in review.milestones.all())


def summary_context(review: CaseReview) -> dict:
    grouped = actions_for_review(review=review)
    plan = [(rec, grouped.get(rec.pk, [])) for rec in review.recommendations.all()]
    publication = next(
        (m for m in review.milestones.all() if m.kind == MilestoneKind.PUBLICATION), None
    )
    return {
        "review": review,
        "plan": plan,
        "panel": list(review.panel_members.all()),
        "appointments": list(review.appointments.all()),
        "publication": publication,
        "printed_on": timezone.localdate(),
    }


def executive_summary_pdf(review: CaseReview) -> bytes:
    """Through the one PDF pipeline (core/pdf.py): it loads nothing from elsewhere."""
    html = render_to_string("case_reviews/summary_pdf.html", summary_context(review))
    return html_to_pdf(html, stylesheets=[CSS]).pdf
