"""The return as a spreadsheet: download pre-filled, upload filled in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from board.access import board_view
from board.models import Role
from core.exports import download

from ..forms.returns import UploadForm
from ..services import returns as services
from ..services.deadlines import quarter_slug
from ..services.spec import spec_for
from ..services.spreadsheets import upload_check, workbook_for
from ..services.validation import history
from .common import quarter_of, require_chair, return_url, subgroup_of


@board_view(Role.BOARD_MANAGER, Role.SUBGROUP_CHAIR)
def return_download(request: HttpRequest, subgroup_id, quarter) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    quarter = quarter_of(quarter)
    if not request.board_access.is_manager:
        require_chair(request, subgroup)
    r = services.return_get(subgroup, quarter)
    data = workbook_for(spec_for(r), r.content or {})
    return download(data, f"return-{quarter_slug(quarter)}.xlsx")


@board_view(Role.SUBGROUP_CHAIR)
def return_upload(request: HttpRequest, subgroup_id, quarter) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    quarter = quarter_of(quarter)
    require_chair(request, subgroup)
    r = services.return_get(subgroup, quarter)
    back = return_url(request, subgroup, quarter, "return-edit")
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = []
    if not r.is_editable:
        messages.error(request, "This return cannot be changed now, so nothing was uploaded")
        return redirect(return_url(request, subgroup, quarter))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        upload.file.seek(0)
        spec = spec_for(r)
        past = history(request.board, spec, quarter.start)
        result = upload_check(upload.file.read(), spec, past, saved=r.content)
        problems = result.errors
        if not problems:
            try:
                services.quarterly_return_save(
                    subgroup=subgroup,
                    quarter=quarter,
                    content=result.content,
                    by=request.user,
                    expected_version=r.version,
                    uploaded=True,
                )
            except (ValidationError, services.ReturnConflict):
                messages.error(request, "The return changed while uploading: try again")
                return redirect(back)
            messages.success(request, _saved_message(result.kept))
            return redirect(back)
    context = {
        "form": form,
        "problems": problems,
        "subgroup": subgroup,
        "quarter": quarter,
        "back_url": back,
    }
    return render(request, "subgroups/return_upload.html", context, status=400 if problems else 200)


KEPT_LISTED = 10


def _saved_message(kept: list[str]) -> str:
    """Says which rows were not in the spreadsheet, so a deleted row never looks saved."""
    message = "Spreadsheet uploaded and saved as a draft"
    if not kept:
        return message
    listed = "; ".join(kept[:KEPT_LISTED])
    more = f"; and {len(kept) - KEPT_LISTED} more" if len(kept) > KEPT_LISTED else ""
    rows = "1 row was" if len(kept) == 1 else f"{len(kept)} rows were"
    return (
        f"{message}. {rows} not in the spreadsheet, so what was saved for them is "
        f"unchanged: {listed}{more}"
    )
