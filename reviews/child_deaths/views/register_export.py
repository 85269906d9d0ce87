"""The panel's register of cases as a spreadsheet, filtered as the case list shows it.
CDOP members only; a read of every case in it is logged, as opening each would be."""

from django.http import HttpRequest, HttpResponse

from board.access import board_view
from board.audit import log_access_many
from core.exports import format_error, table_download

from .. import selectors
from ..export import cases_table
from .cases import CDOP, filtered_cases


@board_view(*CDOP)
def case_export(request: HttpRequest) -> HttpResponse:
    cases = selectors.cdop_cases(board=request.board).select_related("locality")
    filters = filtered_cases(request, cases.prefetch_related("risk_factors", "recommendations"))
    error = format_error(request)
    if not error and not filters.is_valid():
        error = " ".join(e for errors in filters.errors.values() for e in errors)
    if error:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    chosen = list(filters.qs)
    log_access_many(chosen, actor=request.user)  # a read of each case in it, in one INSERT
    return table_download(request, f"cdop-register-{request.board.slug}", cases_table(chosen))
