"""The partnership's pages: its arrangements (lead and delegated partners, relevant
agencies, chair, scrutineer), changing the board's arrangement (with a confirmation),
and independent scrutiny: the plan for the year, findings, and challenges raised from
them into the challenge log."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.confirm import confirm_page
from core.forms import form_page, save_form
from core.links import board_url
from core.paging import paginate
from core.periods import FinancialYear
from core.years import latest_year, this_year, year_from_query

from .. import partners
from ..access import board_view
from ..forms.scrutiny import (
    ArrangementForm,
    ChallengeFromFindingForm,
    ScrutinyAreaForm,
    ScrutinyFindingForm,
)
from ..models import BoardArrangement, Role, ScrutinyArea, ScrutinyFinding
from ..services.scrutiny import (
    board_arrangement_set,
    scrutiny_area_save,
    scrutiny_challenge_raise,
    scrutiny_finding_save,
)
from .base import READ, RecordDeleteView, RecordFormView, year_links

# The scrutineer writes their own plan and findings; the board manager keeps them too.
SCRUTINY_WRITE = (Role.SCRUTINEER, Role.BOARD_MANAGER)
MANAGER = (Role.BOARD_MANAGER,)


@board_view(*READ)
def partnership_arrangements(request: HttpRequest) -> HttpResponse:
    context = {"arrangements": partners.arrangements(request.board, timezone.localdate())}
    return render(request, "board/partnership/arrangements.html", context)


@board_view(*MANAGER)
def board_arrangement(request: HttpRequest) -> HttpResponse:
    board = request.board
    initial = {"arrangement": board.arrangement, "since": board.partnership_since}
    form = ArrangementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        return redirect(board_url(request, "board-arrangement-confirm", query=form.as_query()))
    back = board_url(request, "partnership-arrangements")
    return form_page(request, form, "How is the board arranged?", back)


@board_view(*MANAGER)
def board_arrangement_confirm(request: HttpRequest) -> HttpResponse:
    """The choice travels in the address, so the confirmation holds nothing in the
    session; a choice that cannot be read goes back to the form."""
    form = ArrangementForm.from_query(request.GET)
    if not form.is_valid():
        messages.error(request, "Choose the board's arrangement again.")
        return redirect(board_url(request, "board-arrangement"))
    arrangement, since = form.cleaned_data["arrangement"], form.cleaned_data["since"]
    if request.method == "POST":
        board_arrangement_set(board=request.board, arrangement=arrangement, since=since)
        messages.success(request, "The board's arrangement has been changed")
        return redirect(board_url(request, "partnership-arrangements"))
    label = BoardArrangement(arrangement).label
    if arrangement == BoardArrangement.PARTNERSHIP and since:
        text = (
            f"From {since:%-d %B %Y} the board is a safeguarding children partnership. Its "
            "pages and reports about earlier days keep the words of an LSCB (board, annual "
            "report, serious case review)."
        )
    elif arrangement == BoardArrangement.PARTNERSHIP:
        text = "The board is shown as a partnership for every year, earlier ones included."
    else:
        text = "The board is shown as a Local Safeguarding Children Board for every year."
    return confirm_page(
        request,
        title=f"Change the arrangement to: {label}?",
        button="Yes, change the arrangement",
        back_url=board_url(request, "board-arrangement"),
        name=request.board.name,
        text=text,
        warning="",
    )


def _plan_url(request, year) -> str:
    return board_url(request, "scrutiny-plan", query={"year": year.slug})


@board_view(*READ)
def scrutiny_plan(request: HttpRequest) -> HttpResponse:
    board = request.board
    stored = ScrutinyArea.objects.filter(board=board).values_list("year", flat=True).distinct()
    years = [FinancialYear(start) for start in stored]
    year = year_from_query(request, latest_year(years))
    areas = (
        ScrutinyArea.objects.filter(board=board, year=year.start_year)
        .prefetch_related("findings")
        .order_by("planned_start", "title")
    )
    context = {
        "areas": areas,
        "can_write": request.board_access.has_any(SCRUTINY_WRITE),
        **year_links(request, "scrutiny-plan", year, years),
    }
    return render(request, "board/partnership/scrutiny_plan.html", context)


class ScrutinyAreaFormView(RecordFormView):
    allowed_roles = frozenset(SCRUTINY_WRITE)
    model, form_class, noun = ScrutinyArea, ScrutinyAreaForm, "area"

    def new_object(self):
        year = year_from_query(self.request, this_year())
        return ScrutinyArea(board=self.request.board, year=year.start_year)

    def page_title(self, obj) -> str:
        return f"{super().page_title(obj)} of the scrutiny plan for {obj.financial_year}"

    def save(self, form):
        return scrutiny_area_save(area=form.save(commit=False))

    def success_url(self, obj) -> str:
        return _plan_url(self.request, obj.financial_year)


class ScrutinyAreaDeleteView(RecordDeleteView):
    allowed_roles = frozenset(SCRUTINY_WRITE)
    model, noun = ScrutinyArea, "area"

    def consequence(self, obj) -> str:
        return "Its findings are kept, no longer linked to an area of the plan."

    def success_url(self, obj) -> str:
        return _plan_url(self.request, obj.financial_year)


@board_view(*READ)
def scrutiny_finding_list(request: HttpRequest) -> HttpResponse:
    findings = ScrutinyFinding.objects.filter(board=request.board).select_related(
        "area", "challenge__agency"
    )
    context = {
        "page": paginate(request, findings),
        "can_write": request.board_access.has_any(SCRUTINY_WRITE),
    }
    return render(request, "board/partnership/finding_list.html", context)


class ScrutinyFindingFormView(RecordFormView):
    allowed_roles = frozenset(SCRUTINY_WRITE)
    model, form_class, noun = ScrutinyFinding, ScrutinyFindingForm, "finding"
    list_url_name = "scrutiny-finding-list"

    def new_object(self):
        return ScrutinyFinding(board=self.request.board, found_on=timezone.localdate())

    def save(self, form):
        return scrutiny_finding_save(finding=form.save(commit=False), by=self.request.user)


@board_view(*SCRUTINY_WRITE)
def scrutiny_finding_challenge(request: HttpRequest, pk) -> HttpResponse:
    """Raise a challenge from a finding: an entry in the board's challenge log."""
    finding = get_object_or_404(ScrutinyFinding, board=request.board, pk=pk)
    back = board_url(request, "scrutiny-finding-list")
    if finding.challenge_id:
        messages.error(request, "A challenge has already been raised from this finding.")
        return redirect(back)
    initial = {"issue": finding.text, "raised_on": timezone.localdate()}
    form = ChallengeFromFindingForm(request.POST or None, initial=initial, board=request.board)

    def write(data):
        scrutiny_challenge_raise(finding=finding, by=request.user, **data)

    done = save_form(request, form, write, "Challenge raised in the challenge log", back)
    if done:
        return done
    return form_page(request, form, "Raise a challenge from this finding", back)
