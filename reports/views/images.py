"""A report's images: the manager and the report's section authors upload them and
remove them; the report's readers see them in the preview (served here after the same
permission check, never from a public media URL)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from board.access import board_view
from board.files import file_response
from board.models import ALL_ROLES
from core.confirm import confirm_page
from core.forms import form_page, save_form
from core.links import board_url
from core.lookups import or_404

from .. import images
from ..forms import ReportImageForm
from ..selectors import image_for, reads_report, report_for, writes_in


def _writable_report(request: HttpRequest, year: str, *, changing: bool = False):
    report = or_404(report_for, board=request.board, year=year)
    if not writes_in(access=request.board_access, report=report):
        raise PermissionDenied("Only the board manager and the report's authors add images.")
    if changing and report.is_locked:
        raise PermissionDenied("The report is approved: its images are locked.")
    return report


@board_view(*ALL_ROLES)
def image_list(request: HttpRequest, year: str) -> HttpResponse:
    report = _writable_report(request, year)
    rows = [(image, images.image_url(image, report)) for image in report.images.all()]
    context = {
        "report": report, "rows": rows, "back_url": board_url(request, "reports:report", year=year),
        "add_url": board_url(request, "reports:image-add", year=year),
    }  # fmt: skip
    return render(request, "reports/image_list.html", context)


@board_view(*ALL_ROLES)
def image_add(request: HttpRequest, year: str) -> HttpResponse:
    report = _writable_report(request, year, changing=True)
    form = ReportImageForm(request.POST or None, request.FILES or None)
    back = board_url(request, "reports:images", year=year)

    def write(data: dict) -> None:
        images.image_add(report=report, upload=data["file"], name=data["name"], by=request.user)

    done = save_form(request, form, write, "Image uploaded.", back)
    return done or form_page(request, form, "Upload an image for the report", back)


@board_view(*ALL_ROLES)
def image_remove(request: HttpRequest, year: str, image_id) -> HttpResponse:
    report = _writable_report(request, year, changing=True)
    image = or_404(image_for, board=request.board, report=report, image_id=image_id)
    back = board_url(request, "reports:images", year=year)
    if request.method == "POST":
        images.image_remove(image=image)
        messages.success(request, f"Image “{image.name}” removed.")
        return redirect(back)
    url = images.image_url(image, report)
    # Sections whose text shows it: the image will be left out of them.
    using = report.sections.filter(
        Q(narrative__contains=f"]({image.name})") | Q(narrative__contains=url)
    )
    titles = ", ".join(f"“{section.title}”" for section in using)
    return confirm_page(
        request,
        title=f"Remove the image “{image.name}”?",
        text="" if using else "No section's text shows this image.",
        button="Remove image",
        back_url=back,
        warning=f"The text of {titles} shows this image: it will be left out." if using else "",
    )


@board_view(*ALL_ROLES)
def image(request: HttpRequest, year: str, image_id) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    if not reads_report(access=request.board_access, report=report):
        raise PermissionDenied("The report is not published yet.")
    found = or_404(image_for, board=request.board, report=report, image_id=image_id)
    return file_response(
        found.file, filename=found.original_name, content_type=found.content_type, inline=True
    )
