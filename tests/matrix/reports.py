"""The annual report's pages. Drafts are for the board manager and the chair (and a
section's author); published versions for every board role."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from board.models import ALL_ROLES, Role

from . import Rule, board_page

MANAGER = {Role.BOARD_MANAGER}
DRAFT_READERS = {Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR}


def _template(context):
    if not hasattr(context, "report_template"):
        from reports.services import template_copy_builtin

        context.report_template = template_copy_builtin(board=context.board, key="short-review")
    return context.report_template


def _report(context):
    if not hasattr(context, "report"):
        from core.periods import FinancialYear
        from reports.services import report_create

        context.report = report_create(
            board=context.board, year=FinancialYear(2014), template=_template(context)
        )
    return context.report


def _published_version(context):
    from reports.models import ReportState, ReportVersion, VersionStatus

    report = _report(context)
    report.state = ReportState.PUBLISHED
    report.save()
    name = default_storage.save("reports/matrix-test.pdf", ContentFile(b"%PDF-1.7 test"))
    return ReportVersion.objects.create(
        board=context.board, report=report, number=1, status=VersionStatus.DONE,
        report_state=ReportState.PUBLISHED, file_name=name, sha256="0" * 64,
    )  # fmt: skip


def _image(context):
    if not hasattr(context, "report_image"):
        from io import BytesIO

        from PIL import Image

        from reports.models import ReportImage

        report, out = _report(context), BytesIO()
        Image.new("RGB", (2, 2)).save(out, "PNG")
        image = ReportImage(board=context.board, report=report, name="logo",
                            original_name="logo.png", content_type="image/png",
                            size=len(out.getvalue()), sha256="0" * 64)  # fmt: skip
        image.file.save("logo.png", ContentFile(out.getvalue()), save=False)
        image.save()
        context.report_image = image
    return context.report_image


def image_kwargs(c):
    return {**year_kwargs(c), "image_id": _image(c).id}


def template_kwargs(c):
    return {"board_slug": c.board.slug, "template_id": _template(c).id}


def year_kwargs(c):
    return {"board_slug": c.board.slug, "year": _report(c).year.slug}


def section_kwargs(c):
    return {"board_slug": c.board.slug, "section_id": _report(c).sections.first().id}


def version_kwargs(c):
    return {**year_kwargs(c), "version_id": _published_version(c).id}


def page(roles, kwargs=None, **options) -> Rule:
    if kwargs is None:
        return board_page(roles, **options)
    return Rule("board", roles=frozenset(roles), kwargs=kwargs, **options)


ENTRIES = {
    "reports:index": page(ALL_ROLES),
    "reports:report-create": page(MANAGER),
    "reports:templates": page(MANAGER),
    "reports:template-copy-builtin": page(
        MANAGER, lambda c: {"board_slug": c.board.slug, "key": "short-review"}
    ),
    "reports:template": page(MANAGER, template_kwargs),
    "reports:template-copy": page(MANAGER, template_kwargs),
    "reports:template-section-add": page(MANAGER, template_kwargs),
    "reports:section-edit": page(MANAGER, section_kwargs),
    "reports:section-move": page(MANAGER, section_kwargs, method="post", ok=302),
    "reports:section-remove": page(MANAGER, section_kwargs),
    # Only the section's author (none here) or the manager writes it.
    "reports:section-write": page(MANAGER, section_kwargs),
    "reports:section-preview": page(DRAFT_READERS, section_kwargs),
    # A draft: other roles see the report once it is published (or a section is theirs).
    "reports:report": page(DRAFT_READERS, year_kwargs),
    "reports:report-section-add": page(MANAGER, year_kwargs),
    # Approving a draft that is not in review is refused with a message: a redirect.
    "reports:report-state": page(
        DRAFT_READERS, year_kwargs, method="post", data={"to": "approved"}, ok=302
    ),
    "reports:checks": page(DRAFT_READERS, year_kwargs),
    "reports:render": page(DRAFT_READERS, year_kwargs, method="post", ok=302),
    # Images: the manager and the report's authors (none here) upload and remove them; a
    # draft's images are seen by its readers.
    "reports:images": page(MANAGER, year_kwargs),
    "reports:image-add": page(MANAGER, year_kwargs),
    "reports:image-remove": page(MANAGER, image_kwargs),
    "reports:image": page(DRAFT_READERS, image_kwargs),
    # A published version: every board role may open and download it.
    "reports:version": page(ALL_ROLES, version_kwargs),
    "reports:version-status": page(ALL_ROLES, version_kwargs),
    "reports:version-download": page(ALL_ROLES, version_kwargs),
    # Those who make the PDF may try a failed one again; a ready one is left as it is.
    "reports:version-try-again": page(DRAFT_READERS, version_kwargs, method="post", ok=302),
}
