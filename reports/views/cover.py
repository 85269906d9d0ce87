"""The report's cover: the board manager chooses its logo and colour (reports/cover.py)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from board.access import board_view
from board.models import Role
from core.forms import form_page, save_form
from core.links import board_url
from core.lookups import or_404

from .. import cover
from ..forms import CoverForm
from ..selectors import report_for


@board_view(Role.BOARD_MANAGER)
def cover_edit(request: HttpRequest, year: str) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    if report.is_locked:
        raise PermissionDenied("The report is approved: its cover is locked.")
    initial = {"cover_logo": report.cover_logo_id, "cover_colour": report.cover_colour}
    form = CoverForm(request.POST or None, initial=initial, report=report)
    back = board_url(request, "reports:report", year=year)

    def write(data: dict) -> None:
        cover.cover_set(report=report, logo=data["cover_logo"], colour=data["cover_colour"])

    done = save_form(request, form, write, "Cover saved.", back)
    return done or form_page(request, form, "The report's cover", back)
