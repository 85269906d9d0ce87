"""The statutory calendar (every clock a person's roles may read, with its due date,
status, rule and source; filtered, sorted, paged and exported) and the timescales page
(each timescale's default, source and the board's value; the manager changes them)."""

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from core.exports import Table, table_download
from core.forms import apply_errors
from core.forms.pages import form_page
from core.links import board_url
from core.paging import paginate

from .. import statutory, timescales
from ..access import board_view
from ..forms.statutory import SORTS, ClockFilterForm, TimescaleForm
from ..models import ALL_ROLES, Role
from ..services.timescales import timescale_set


def _clocks(request: HttpRequest):
    """The clocks asked for, as the page and its export both show them: only the kinds
    this person's roles may read are computed at all."""
    if not request.board_access.has_any(statutory.readers()):
        raise PermissionDenied
    kinds = statutory.kinds_for(request.board_access)
    form = ClockFilterForm(request.GET or None, kinds=kinds)
    kind, status = form.value("kind"), form.value("status")
    chosen = [k for k in kinds if k.key == kind] if kind else kinds
    clocks = statutory.clocks_of(request.board, chosen, timezone.localdate())
    if status:
        clocks = [clock for clock in clocks if clock.status == status]
    clocks.sort(key=SORTS[form.value("sort") or "due"][1])
    return form, clocks


@board_view(*ALL_ROLES)
def statutory_calendar(request: HttpRequest) -> HttpResponse:
    form, clocks = _clocks(request)
    active = any(request.GET.get(name) for name in ("kind", "status", "sort"))
    context = {"form": form, "page": paginate(request, clocks), "active": active}
    return render(request, "board/statutory/calendar.html", context)


@board_view(*ALL_ROLES)
def statutory_export(request: HttpRequest) -> HttpResponse:
    form, clocks = _clocks(request)
    if form.is_bound and not form.is_valid():
        text = " ".join(error for errors in form.errors.values() for error in errors)
        return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
    headers = ["Kind", "About", "Started", "Due", "Stopped", "Status", "Rule", "Source"]
    rows = (
        [c.kind_label, c.subject, c.start, c.due, c.stopped_on or "", c.status_label, c.rule,
         c.source]
        for c in clocks
    )  # fmt: skip
    table = Table(headers, rows, title="statutory clocks", widths={"B": 30, "G": 40, "H": 40})
    return table_download(request, f"statutory-calendar-{request.board.slug}", table)


@board_view(Role.BOARD_MANAGER)
def timescale_list(request: HttpRequest) -> HttpResponse:
    values = timescales.values_for(request.board)
    rows = [
        {
            "timescale": t,
            "default": t.describe(t.default),
            "value": t.describe(values[t.key]),
            "changed": values[t.key] != t.default,
            "href": board_url(request, "timescale-edit", key=t.key),
        }
        for t in timescales.all_timescales()
    ]
    return render(request, "board/statutory/timescales.html", {"rows": rows})


@board_view(Role.BOARD_MANAGER)
def timescale_edit(request: HttpRequest, key: str) -> HttpResponse:
    try:
        timescale = timescales.get(key)
    except ImproperlyConfigured:
        raise Http404 from None
    back = board_url(request, "timescales")
    current = timescales.value(request.board, key)
    form = TimescaleForm(request.POST or None, timescale=timescale, initial={"value": current})
    if request.method == "POST" and form.is_valid():
        try:
            timescale_set(board=request.board, key=key, value=form.cleaned_data["value"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, f"{timescale.label}: {timescale.describe(form.cleaned_data['value'])}"
            )
            return redirect(back)
    lead = (
        f"The default is {timescale.describe(timescale.default)} ({timescale.source}). "
        f"Enter {timescale.range_text}."
    )
    if timescale.check:
        lead += " Check this figure against the current guidance."
    return form_page(request, form, timescale.label, back, lead=lead)
