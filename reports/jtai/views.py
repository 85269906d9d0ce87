"""The readiness pack's pages: the list of packs with the one button that makes a new
one, the pack's page (its progress, polled by static/js/job-progress.js, then its two
downloads) and the downloads, through this permission-checked view, never a public
media URL."""

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from board.access import board_view
from board.audit import log_access
from core.exports import XLSX_TYPE
from core.links import board_url
from core.lookups import or_404
from core.paging import paginate

from .models import PackStatus
from .selectors import pack_for, pack_progress, packs
from .services import MAKERS, pack_request

FILES = {"pdf": ("pdf_file", "application/pdf"), "xlsx": ("xlsx_file", XLSX_TYPE)}


@board_view(*MAKERS)
def index(request: HttpRequest) -> HttpResponse:
    page = paginate(request, packs(request.board), 20)
    return render(request, "jtai/index.html", {"page": page})


@require_POST
@board_view(*MAKERS)
def pack_create(request: HttpRequest) -> HttpResponse:
    made = pack_request(board=request.board, user=request.user)
    messages.success(request, "The readiness pack is being made.")
    return redirect(board_url(request, "jtai:pack", pack_id=made.pk))


@board_view(*MAKERS)
def pack(request: HttpRequest, pack_id) -> HttpResponse:
    found = or_404(pack_for, board=request.board, pack_id=pack_id)
    context = {
        "pack": found,
        "progress": pack_progress(found),
        "status_url": board_url(request, "jtai:pack-status", pack_id=found.pk),
        "pdf_url": board_url(request, "jtai:pack-download", pack_id=found.pk, kind="pdf"),
        "xlsx_url": board_url(request, "jtai:pack-download", pack_id=found.pk, kind="xlsx"),
        "back_url": board_url(request, "jtai:index"),
    }
    return render(request, "jtai/pack.html", context)


@board_view(*MAKERS)
def pack_status(request: HttpRequest, pack_id) -> JsonResponse:
    found = or_404(pack_for, board=request.board, pack_id=pack_id)
    return JsonResponse(pack_progress(found).as_json())


@board_view(*MAKERS)
def pack_download(request: HttpRequest, pack_id, kind: str) -> HttpResponse:
    found = or_404(pack_for, board=request.board, pack_id=pack_id)
    if kind not in FILES:
        raise Http404("Choose the PDF or the workbook.")
    if found.status != PackStatus.READY:
        return redirect(board_url(request, "jtai:pack", pack_id=found.pk))
    field, content_type = FILES[kind]
    log_access(found)  # who took a copy of the board's evidence, as for other exports
    name = f"{request.board.slug}-jtai-pack-{found.period_end:%Y-%m-%d}.{kind}"
    response = FileResponse(
        default_storage.open(getattr(found, field), "rb"), as_attachment=True, filename=name,
        content_type=content_type,
    )  # fmt: skip
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
