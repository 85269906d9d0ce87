"""The worker's part of a pack: gather once, render the PDF (core.pdf, the one pipeline)
and the workbook (core.exports), store both and mark the pack ready, safe to run twice:
a pack already ready is returned as it is, and files an attempt killed midway left are
removed by the next one. The files and the row are written together: the files are
deleted if the row cannot be saved, so no file is left without its pack."""

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.exports import xlsx_bytes
from core.jobs.running import report_progress
from core.pdf import html_to_pdf

from .gather import PackContents, gather
from .models import JtaiPack, PackStatus
from .tables import Part, pack_parts, shown

PRINT_CSS = "css/jtai-print.css"
STEPS = 4  # gathered, PDF made, workbook made, stored


def folder(pack: JtaiPack) -> str:
    return f"jtai/{pack.board_id}/{pack.pk}"


def pack_build(*, pack_id) -> JtaiPack:
    pack = JtaiPack.objects.select_related("board").get(pk=pack_id)
    if pack.status == PackStatus.READY:
        return pack
    remove_files(pack, keep=())
    contents = gather(pack.board, since=pack.period_start, until=pack.period_end)
    parts = pack_parts(contents)
    report_progress(1, STEPS)
    pdf, pages = pack_pdf(contents, parts)
    report_progress(2, STEPS)
    workbook = xlsx_bytes(*(part.table for part in parts))
    report_progress(3, STEPS)
    pack = _store(pack, pdf, pages, workbook, contents.counts)
    report_progress(STEPS, STEPS)
    return pack


def pack_html(contents: PackContents, parts: list[Part]) -> str:
    context = {
        "board": contents.board, "since": contents.since, "until": contents.until,
        "made_on": timezone.localdate(),
        "title": f"{contents.board.name}: JTAI readiness pack",
        "parts": [
            {"key": p.key, "heading": p.heading, "intro": p.intro, "empty": p.empty,
             "headers": p.table.headers, "rows": [[shown(c) for c in r] for r in p.table.rows]}
            for p in parts
        ],
    }  # fmt: skip
    return render_to_string("jtai/pdf/pack.html", context)


def pack_pdf(contents: PackContents, parts: list[Part]) -> tuple[bytes, int]:
    with open(finders.find(PRINT_CSS), encoding="utf-8") as handle:
        css = handle.read()
    rendered = html_to_pdf(pack_html(contents, parts), stylesheets=[css])
    return rendered.pdf, rendered.pages


def _store(pack: JtaiPack, pdf: bytes, pages: int, workbook: bytes, counts: dict) -> JtaiPack:
    stem = f"{folder(pack)}/{pack.board.slug}-jtai-pack-{pack.period_end:%Y-%m-%d}"
    pdf_name = default_storage.save(f"{stem}.pdf", ContentFile(pdf))
    xlsx_name = default_storage.save(f"{stem}.xlsx", ContentFile(workbook))
    try:
        with transaction.atomic():
            fresh = JtaiPack.objects.select_for_update().get(pk=pack.pk)
            if fresh.status == PackStatus.READY:  # stored meanwhile by another run
                default_storage.delete(pdf_name)
                default_storage.delete(xlsx_name)
                return fresh
            fresh.pdf_file, fresh.xlsx_file, fresh.pages = pdf_name, xlsx_name, pages
            fresh.counts, fresh.status, fresh.error = counts, PackStatus.READY, ""
            fresh.finished_at = timezone.now()
            fresh.save()
    except BaseException:
        default_storage.delete(pdf_name)
        default_storage.delete(xlsx_name)
        raise
    return fresh


def remove_files(pack: JtaiPack, *, keep) -> None:
    """Delete the pack's files that its row does not name (an attempt killed between
    writing the files and saving the row)."""
    try:
        _dirs, files = default_storage.listdir(folder(pack))
    except FileNotFoundError:
        return
    for name in files:
        path = f"{folder(pack)}/{name}"
        if path not in keep:
            default_storage.delete(path)


def pack_failed(*, pack_id, reason: str) -> None:
    """Mark a pack that will not be finished as failed, with the reason, and remove any
    file an attempt left."""
    pack = JtaiPack.objects.filter(pk=pack_id).first()
    if pack is None or pack.status == PackStatus.READY:
        return
    pack.status, pack.error, pack.finished_at = PackStatus.FAILED, reason, timezone.now()
    pack.save(update_fields=["status", "error", "finished_at", "updated_at"])
    remove_files(pack, keep=())
