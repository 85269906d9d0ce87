"""The partnership yearly report's own records: each lead partner's sign-off and the
independent scrutineer's assessment (until publication), and the dates the published
report was sent to the Panel and to Foundations. Another board's report, an LSCB annual
report or a year with no report: 404."""

from django.http import Http404, HttpRequest, HttpResponse

from board.access import board_view
from board.models import Role
from core.forms import form_page, save_form
from core.links import board_url
from core.lookups import or_404

from ..selectors import report_for
from ..yearly import services
from ..yearly.forms import ScrutinyForm, SendOnForm, SignOffForm
from ..yearly.models import ScrutinyAssessment

MANAGER, SCRUTINEER = Role.BOARD_MANAGER, Role.SCRUTINEER


def _yearly(request: HttpRequest, year: str):
    report = or_404(report_for, board=request.board, year=year)
    if not report.is_partnership_yearly:
        raise Http404("Only a partnership yearly report is signed off and sent on.")
    return report, board_url(request, "reports:report", year=year)


@board_view(MANAGER)
def sign_off(request: HttpRequest, year: str) -> HttpResponse:
    report, back = _yearly(request, year)
    form = SignOffForm(request.POST or None, board=request.board)

    def write(data):
        services.sign_off_record(report=report, by=request.user, **data)

    return save_form(request, form, write, "Sign-off recorded.", back) or form_page(
        request, form, "Record a lead partner's sign-off", back,
        lead=f"{report.title}. Recording a partner's sign-off again corrects it.",
    )  # fmt: skip


@board_view(MANAGER, SCRUTINEER)
def scrutiny(request: HttpRequest, year: str) -> HttpResponse:
    report, back = _yearly(request, year)
    found = ScrutinyAssessment.objects.filter(board=request.board, report=report).first()
    initial = {}
    if found is not None:
        initial = {name: getattr(found, name)
                   for name in ("text", "conclusion", "assessed_on", "assessed_by")}  # fmt: skip
    form = ScrutinyForm(request.POST or None, initial=initial)

    def write(data):
        services.scrutiny_record(report=report, by=request.user, **data)

    return save_form(request, form, write, "Assessment recorded.", back) or form_page(
        request, form, "Record the independent scrutineer's assessment", back,
        lead=f"{report.title}. Publication waits for the assessment.",
    )  # fmt: skip


@board_view(MANAGER)
def send_on(request: HttpRequest, year: str) -> HttpResponse:
    report, back = _yearly(request, year)
    form = SendOnForm(request.POST or None, initial={"recipient": request.GET.get("to", "")})

    def write(data):
        services.send_on_record(report=report, by=request.user, **data)

    return save_form(request, form, write, "Date sent recorded.", back) or form_page(
        request, form, "Record the date the report was sent on", back,
        lead=f"{report.title}: sent to the Child Safeguarding Practice Review Panel and to "
        "Foundations (the What Works centre).",
    )  # fmt: skip
