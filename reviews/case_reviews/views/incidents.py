"""Serious incidents: the list, each incident's page (the chain notification → rapid
review → practice review, each with its clocks), and the forms of the rapid review.

Who sees what: as a review's record, the SCR sub-group members and the board manager
write, the independent chair reads too, other roles see none of it (a restricted kind,
record_visibility); every view of an incident's page is logged."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from board.access import board_view
from board.audit import log_access, log_access_many
from core.exports import Table, table_download
from core.forms import apply_errors, form_page, save_form
from core.links import board_url
from core.numbers import NO_VALUE
from core.paging import paginate

from ..filters import IncidentFilter
from ..forms import incidents as forms
from ..forms import initial_of
from ..models import AgencySummary, Criterion, RapidReviewDecision, SeriousIncident
from ..selectors import incidents as selectors
from ..selectors.reviews import SCR_MANAGERS, SCR_READERS
from ..services import incidents as services
from ..services.reviews import scr_settings

MANAGE = tuple(SCR_MANAGERS)
CONFIDENTIAL = tuple(SCR_READERS)
PAGE_SIZE = 25


def incident_for(request: HttpRequest, incident_id) -> SeriousIncident:
    return get_object_or_404(
        SeriousIncident.objects.select_related("rapid_review"), board=request.board, pk=incident_id
    )


def incident_url(request: HttpRequest, incident: SeriousIncident) -> str:
    return board_url(request, "case_reviews:incident-detail", incident_id=incident.pk)


def _filters(request: HttpRequest) -> IncidentFilter:
    board = request.board
    return IncidentFilter(
        request.GET,
        queryset=selectors.serious_incidents(board=board),
        board=board,
        settings=scr_settings(board=board),
        today=timezone.localdate(),
    )


@board_view(*CONFIDENTIAL)
def incident_list(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    page = paginate(request, filters.qs, PAGE_SIZE)
    rows = selectors.incident_rows(page.object_list, filters.settings, filters.today)
    context = {
        "rows": rows,
        "page": page,
        "filters": filters,
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "case_reviews/incident_list.html", context)


def _day(value) -> str:
    return f"{value:%-d %B %Y}" if value else NO_VALUE


@board_view(*CONFIDENTIAL)
def incident_export(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    if filters.errors:
        return HttpResponse("The filters could not be read.", status=400)
    rows = selectors.incident_rows(filters.qs, filters.settings, filters.today)
    headers = [
        "Case reference", "Category", "Became aware", "Notified to the Panel",
        "Partners told", "Stage", "Decision", "Practice review", "Clocks at risk",
    ]  # fmt: skip
    data = []
    for row in rows:
        incident, rapid = row.incident, row.incident.rapid_review
        data.append([
            incident.reference, incident.get_category_display(), _day(incident.aware_on),
            _day(incident.notified_on), _day(incident.partners_told_on), row.stage,
            rapid.get_decision_display() or NO_VALUE,
            incident.practice_review.reference if incident.practice_review_id else NO_VALUE,
            "; ".join(f"{c.label} ({c.status_label}, due {c.deadline:%-d %B %Y})"
                      for c in row.at_risk) or "None",
        ])  # fmt: skip
    log_access_many([row.incident for row in rows], actor=request.user)  # a read of each
    return table_download(request, "serious-incidents", Table(headers, data, "Serious incidents"))


@board_view(*MANAGE)
def incident_create(request: HttpRequest) -> HttpResponse:
    form = forms.IncidentForm(request.POST or None, board=request.board)
    created = {}

    def write(data):
        agencies = list(data.pop("agencies_involved"))
        created["incident"] = services.serious_incident_create(
            board=request.board, agencies_involved=agencies, created_by=request.user, **data
        )

    back = board_url(request, "case_reviews:incident-list")
    if request.method == "POST" and form.is_valid():
        try:
            write(dict(form.cleaned_data))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Serious incident {created['incident']} recorded")
            return redirect(incident_url(request, created["incident"]))
    return form_page(request, form, "Record a serious incident notification", back)


@board_view(*CONFIDENTIAL)
def incident_detail(request: HttpRequest, incident_id) -> HttpResponse:
    board = request.board
    incident = get_object_or_404(selectors.serious_incidents(board=board), pk=incident_id)
    log_access(incident)
    settings = scr_settings(board=board)
    today = timezone.localdate()
    row = selectors.incident_rows([incident], settings, today)[0]
    rapid = incident.rapid_review
    context = {
        "incident": incident,
        "rapid": rapid,
        "row": row,
        "summaries": list(rapid.agency_summaries.all()),
        "review": incident.practice_review,
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "case_reviews/incident_detail.html", context)


@board_view(*MANAGE)
def incident_edit(request: HttpRequest, incident_id) -> HttpResponse:
    incident = incident_for(request, incident_id)
    initial = initial_of(incident, forms.IncidentForm)
    form = forms.IncidentForm(request.POST or None, initial=initial, board=request.board)

    def write(data):
        agencies = list(data.pop("agencies_involved"))
        services.serious_incident_update(incident=incident, agencies_involved=agencies, **data)

    back = incident_url(request, incident)
    done = save_form(request, form, write, f"{incident} saved", back)
    return done or form_page(request, form, f"{incident}: the notification", back)


@board_view(*MANAGE)
def summary_request(request: HttpRequest, incident_id) -> HttpResponse:
    incident = incident_for(request, incident_id)
    initial = {"requested_on": timezone.localdate()}
    form = forms.SummaryRequestForm(request.POST or None, initial=initial, board=request.board)
    back = incident_url(request, incident)
    done = save_form(
        request,
        form,
        lambda data: services.agency_summary_request(incident=incident, by=request.user, **data),
        "Agency summary requested",
        back,
    )
    return done or form_page(request, form, f"{incident}: ask an agency for its summary", back)


@board_view(*MANAGE)
def summary_edit(request: HttpRequest, incident_id, summary_id) -> HttpResponse:
    incident = incident_for(request, incident_id)
    summary = get_object_or_404(
        AgencySummary.objects.select_related("agency"),
        board=request.board,
        rapid_review__incident=incident,
        pk=summary_id,
    )
    initial = {"requested_on": summary.requested_on,
               "received_on": summary.received_on or timezone.localdate()}  # fmt: skip
    form = forms.SummaryForm(request.POST or None, initial=initial)
    back = incident_url(request, incident)
    done = save_form(
        request,
        form,
        lambda data: services.agency_summary_update(summary=summary, **data),
        f"Summary from {summary.agency} saved",
        back,
    )
    return done or form_page(request, form, f"{incident}: summary from {summary.agency}", back)


@board_view(*MANAGE)
def rapid_review_edit(request: HttpRequest, incident_id) -> HttpResponse:
    incident = incident_for(request, incident_id)
    rapid = incident.rapid_review
    initial = {name: getattr(rapid, name) for name in forms.RapidReviewForm.base_fields}
    form = forms.RapidReviewForm(request.POST or None, initial=initial)
    back = incident_url(request, incident)
    done = save_form(
        request,
        form,
        lambda data: services.rapid_review_update(incident=incident, by=request.user, **data),
        "Rapid review saved",
        back,
    )
    return done or form_page(request, form, f"{incident}: the rapid review", back)


def _carried(request: HttpRequest) -> list[tuple[str, str]]:
    """The decision form's answers, sent again by the confirmation page's button."""
    return [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", "confirm")
        for value in values
    ]


@board_view(*MANAGE)
def rapid_review_decision(request: HttpRequest, incident_id) -> HttpResponse:
    """The decision is asked, then confirmed on its own page (holding a review puts it on
    the review register), and only the confirming POST records it."""
    incident = incident_for(request, incident_id)
    back = incident_url(request, incident)
    if incident.rapid_review.is_decided:
        messages.info(request, "The decision on this rapid review is already recorded")
        return redirect(back)
    initial = {"decided_on": timezone.localdate()}
    form = forms.DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if request.POST.get("confirm") == "yes":
            try:
                services.rapid_review_decide(incident=incident, by=request.user, **data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Decision on the rapid review of {incident} recorded")
                return redirect(back)
        else:
            context = {
                "incident": incident,
                "data": data,
                "decision": RapidReviewDecision(data["decision"]).label,
                "criteria": [Criterion(value).label for value in data["criteria"]],
                "holds": data["decision"] == RapidReviewDecision.HOLD,
                "carried": _carried(request),
                "back_url": back,
            }
            return render(request, "case_reviews/incident_decision_confirm.html", context)
    return form_page(
        request,
        form,
        f"{incident}: the rapid review's decision",
        back,
        lead="Tick the criteria of the 2018 regulations the case meets, then say why.",
    )
