"""Section 11 self-assessments: the cycles, each cycle's board-level grid of ratings and its
outstanding returns, each agency's return (entry, detail, moderation, actions), and the
board's list of standards. Every board role reads; the board manager and the sub-group
chair write returns and moderation; only the board manager changes cycles and standards."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from board.access import board_view
from board.models import ALL_ROLES, Agency, Role
from core.forms import form_page, save_form
from core.links import board_url

from ..forms import section11 as forms
from ..models import Section11Cycle, Section11Return, Section11Standard
from ..selectors import section11 as selectors
from ..services import section11 as services

WRITE = (Role.SUBGROUP_CHAIR, Role.BOARD_MANAGER)
MANAGE = (Role.BOARD_MANAGER,)


def url(request: HttpRequest, name: str, **kwargs) -> str:
    return board_url(request, f"assurance:{name}", **kwargs)


def cycle_url(request: HttpRequest, cycle: Section11Cycle) -> str:
    return url(request, "section11-cycle-detail", cycle_id=cycle.pk)


def return_url(request: HttpRequest, section11_return: Section11Return) -> str:
    return url(request, "section11-return-detail", return_id=section11_return.pk)


def cycle_for(request: HttpRequest, cycle_id) -> Section11Cycle:
    return get_object_or_404(Section11Cycle, board=request.board, pk=cycle_id)


def return_for(request: HttpRequest, return_id) -> Section11Return:
    return get_object_or_404(selectors.returns(board=request.board), pk=return_id)


def standard_for(request: HttpRequest, standard_id) -> Section11Standard:
    return get_object_or_404(Section11Standard, board=request.board, pk=standard_id)


# Cycles


@board_view(*ALL_ROLES)
def cycle_list(request: HttpRequest) -> HttpResponse:
    context = {
        "cycles": selectors.cycles(board=request.board),
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "assurance/section11/cycle_list.html", context)


@board_view(*ALL_ROLES)
def cycle_detail(request: HttpRequest, cycle_id) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    context = {
        "cycle": cycle,
        "grid": selectors.cycle_grid(cycle=cycle),
        "outstanding": selectors.outstanding_returns(cycle=cycle, today=timezone.localdate()),
        "can_write": request.board_access.has_any(WRITE),
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "assurance/section11/cycle_detail.html", context)


@board_view(*MANAGE)
def cycle_create(request: HttpRequest) -> HttpResponse:
    form = forms.CycleForm(request.POST or None, board=request.board)
    created = {}

    def write(data):
        created["cycle"] = services.section11_cycle_create(board=request.board, **data)

    back = board_url(request, "assurance:section11-cycle-list")
    done = save_form(request, form, write, "Cycle created", back)
    if done is not None:
        done["Location"] = cycle_url(request, created["cycle"])
        return done
    return form_page(request, form, "Start a Section 11 cycle", back)


@board_view(*MANAGE)
def cycle_edit(request: HttpRequest, cycle_id) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    initial = {name: getattr(cycle, name) for name in services.CYCLE_FIELDS}
    initial["agencies"] = list(cycle.agencies.values_list("pk", flat=True))
    form = forms.CycleForm(request.POST or None, board=request.board, initial=initial)
    done = save_form(
        request,
        form,
        lambda data: services.section11_cycle_update(cycle=cycle, **data),
        f"{cycle} saved",
        cycle_url(request, cycle),
    )
    return done or form_page(request, form, f"{cycle}: details", cycle_url(request, cycle))


# Returns


def _rating_initial(section11_return: Section11Return) -> dict:
    initial = {}
    for rating in section11_return.ratings.all():
        initial[f"rag_{rating.standard_id}"] = rating.rag
        initial[f"evidence_{rating.standard_id}"] = rating.evidence
    initial["submitted_on"] = section11_return.submitted_on
    return initial


def _uuid_or_none(text: str | None) -> UUID | None:
    """The agency suggested by the grid's link; anything else is ignored."""
    try:
        return UUID(text) if text else None
    except ValueError:
        return None


@board_view(*WRITE)
def return_create(request: HttpRequest, cycle_id) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    standards = services.section11_standards(board=request.board)
    initial = {}
    chosen = _uuid_or_none(request.GET.get("agency"))
    if chosen and Agency.objects.filter(board=request.board, pk=chosen).exists():
        initial["agency"] = chosen
    form = forms.return_form(
        request.POST or None,
        board=request.board,
        cycle=cycle,
        standards=standards,
        choose_agency=True,
        initial=initial,
    )
    created = {}

    def write(_data):
        created["return"] = services.section11_return_create(cycle=cycle, **form.service_data())

    done = save_form(request, form, write, "Return saved", cycle_url(request, cycle))
    if done is not None:
        done["Location"] = return_url(request, created["return"])
        return done
    return form_page(request, form, f"{cycle}: enter a return", cycle_url(request, cycle))


@board_view(*WRITE)
def return_edit(request: HttpRequest, return_id) -> HttpResponse:
    section11_return = return_for(request, return_id)
    standards = services.section11_standards(board=request.board)
    form = forms.return_form(
        request.POST or None,
        board=request.board,
        cycle=section11_return.cycle,
        standards=standards,
        choose_agency=False,
        initial=_rating_initial(section11_return),
    )
    done = save_form(
        request,
        form,
        lambda _data: services.section11_return_update(
            section11_return=section11_return, **form.service_data()
        ),
        "Return saved",
        return_url(request, section11_return),
    )
    title = f"{section11_return.agency}: Section 11 return"
    return done or form_page(request, form, title, return_url(request, section11_return))


@board_view(*ALL_ROLES)
def return_detail(request: HttpRequest, return_id) -> HttpResponse:
    section11_return = return_for(request, return_id)
    context = {
        "section11_return": section11_return,
        "ratings": selectors.return_ratings(section11_return),
        "actions": selectors.actions_for_return(section11_return),
        "can_write": request.board_access.has_any(WRITE),
    }
    return render(request, "assurance/section11/return_detail.html", context)


@board_view(*WRITE)
def return_moderate(request: HttpRequest, return_id) -> HttpResponse:
    section11_return = return_for(request, return_id)
    initial = {
        "outcome": section11_return.moderation_outcome,
        "notes": section11_return.moderation_notes,
        "moderated_on": section11_return.moderated_on,
    }
    form = forms.ModerationForm(request.POST or None, initial=initial)
    back = return_url(request, section11_return)
    done = save_form(
        request,
        form,
        lambda data: services.section11_return_moderate(
            section11_return=section11_return,
            outcome=data["outcome"],
            notes=data["notes"],
            moderated_on=data["moderated_on"],
        ),
        "Moderation recorded",
        back,
    )
    return done or form_page(request, form, f"{section11_return.agency}: moderation", back)


@board_view(*WRITE)
def action_add(request: HttpRequest, return_id) -> HttpResponse:
    section11_return = return_for(request, return_id)
    form = forms.ActionForm(
        request.POST or None,
        board=request.board,
        initial={"owner_agency": section11_return.agency_id},
    )
    back = return_url(request, section11_return)
    done = save_form(
        request,
        form,
        lambda data: services.section11_action_add(
            section11_return=section11_return, created_by=request.user, **data
        ),
        "Action added to the board's action tracker",
        back,
    )
    return done or form_page(request, form, f"{section11_return.agency}: add an action", back)


# Standards


@board_view(*ALL_ROLES)
def standard_list(request: HttpRequest) -> HttpResponse:
    context = {
        "standards": selectors.standards(board=request.board),
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "assurance/section11/standard_list.html", context)


@board_view(*MANAGE)
def standard_add(request: HttpRequest) -> HttpResponse:
    existing = [s.number for s in selectors.standards(board=request.board)]
    form = forms.StandardForm(
        request.POST or None, initial={"number": max(existing, default=0) + 1}
    )
    back = board_url(request, "assurance:section11-standard-list")
    done = save_form(
        request,
        form,
        lambda data: services.section11_standard_add(board=request.board, **data),
        "Standard added",
        back,
    )
    return done or form_page(request, form, "Add a Section 11 standard", back)


@board_view(*MANAGE)
def standard_edit(request: HttpRequest, standard_id) -> HttpResponse:
    standard = standard_for(request, standard_id)
    form = forms.StandardForm(
        request.POST or None, initial={"number": standard.number, "text": standard.text}
    )
    back = board_url(request, "assurance:section11-standard-list")
    done = save_form(
        request,
        form,
        lambda data: services.section11_standard_edit(standard=standard, **data),
        f"Standard {standard.number} saved",
        back,
    )
    return done or form_page(request, form, f"Standard {standard.number}", back)


@board_view(*MANAGE)
@require_http_methods(["GET", "POST"])
def standard_retire(request: HttpRequest, standard_id) -> HttpResponse:
    """A confirmation page; the POST retires the standard."""
    standard = standard_for(request, standard_id)
    back = board_url(request, "assurance:section11-standard-list")
    if request.method == "POST":
        services.section11_standard_retire(standard=standard)
        messages.success(request, f"Standard {standard.number} retired")
        return redirect(back)
    context = {"standard": standard, "back_url": back}
    return render(request, "assurance/section11/standard_retire.html", context)
