"""A published report as an accessible web page (GOV.UK styles) for the board's website:
the same gathered sections and the same section templates as the PDF, with `web` set in
their context for the few bits that differ (a wide table scrolls instead of being turned
onto a landscape page). Whoever may download the published PDF may read it: every role
on the board (reports/views/versions.py)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from board.access import board_view
from board.models import ALL_ROLES
from core.links import board_url
from core.lookups import or_404

from ..models import ReportState, VersionStatus
from ..rendering import gather_all, inputs_hash
from ..selectors import report_for


@board_view(*ALL_ROLES)
def published(request: HttpRequest, year: str) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    context = {"report": report, "back_url": board_url(request, "reports:index")}
    if report.state != ReportState.PUBLISHED:
        return render(request, "reports/published_not_yet.html", context)
    gathered = gather_all(report)
    pdf = (
        report.versions.filter(status=VersionStatus.DONE, report_state=ReportState.PUBLISHED)
        .order_by("-number")
        .first()
    )
    item_context = {"report": report, "board": report.board, "all": gathered, "web": True}
    context |= {
        "parts": [
            render_to_string(item.type.template, {**item_context, "item": item})
            for item in gathered
        ],
        "pdf": pdf,
        # The records changed since the published PDF was made: say which one to trust.
        "changed_since_pdf": pdf is not None and pdf.inputs_hash != inputs_hash(report, gathered),
        "download_url": pdf
        and board_url(request, "reports:version-download", year=year, version_id=pdf.id),
    }
    return render(request, "reports/published.html", context)
