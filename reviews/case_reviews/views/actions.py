"""Recommendations and their actions, the composite action plan of each agency and the
SCR sub-group's dashboard."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from board.access import board_view
from board.models import Action, Agency, Role
from core.forms import form_page, save_form
from core.links import board_url

from ..clocks import DUE_SOON, OVERDUE
from ..forms import reviews as forms
from ..models import Recommendation
from ..selectors import reviews as selectors
from ..services import actions as scr_actions
from ..services import reviews as services
from .reviews import CONFIDENTIAL, MANAGE, review_for, review_url


def _scr_action(request: HttpRequest, action_id) -> Action:
    action = get_object_or_404(selectors.scr_actions(board=request.board), pk=action_id)
    selectors.attach_recommendations([action])
    if action.recommendation is None:
        raise Http404("No such action")
    return action


@board_view(*MANAGE)
def recommendation_create(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    form = forms.RecommendationForm(request.POST or None, board=request.board)
    done = save_form(
        request,
        form,
        lambda data: scr_actions.recommendation_create(
            review=review, created_by=request.user, **data
        ),
        "Recommendation added, with its action in the board's action tracker",
        review_url(request, review),
    )
    return done or form_page(
        request, form, f"{review}: add a recommendation", review_url(request, review)
    )


@board_view(*MANAGE)
def action_add(request: HttpRequest, review_id, recommendation_id) -> HttpResponse:
    review = review_for(request, review_id)
    recommendation = get_object_or_404(
        Recommendation, board=request.board, review=review, pk=recommendation_id
    )
    form = forms.ActionForm(request.POST or None, board=request.board)
    done = save_form(
        request,
        form,
        lambda data: scr_actions.scr_action_add(
            recommendation=recommendation, created_by=request.user, **data
        ),
        "Action added to the board's action tracker",
        review_url(request, review),
    )
    title = f"{review}: add an action to recommendation {recommendation.number}"
    return done or form_page(request, form, title, review_url(request, review))


@board_view(*MANAGE)
def action_progress(request: HttpRequest, action_id) -> HttpResponse:
    action = _scr_action(request, action_id)
    review = action.recommendation.review
    initial = {"status": action.status, "evidence": action.evidence}
    form = forms.ProgressForm(request.POST or None, initial=initial)
    done = save_form(
        request,
        form,
        lambda data: scr_actions.scr_action_progress(action=action, author=request.user, **data),
        "Progress saved",
        review_url(request, review),
    )
    return done or form_page(request, form, f"Progress on: {action}", review_url(request, review))


@board_view(Role.SCR_MEMBER)
def action_sign_off(request: HttpRequest, action_id) -> HttpResponse:
    """A confirmation page (POST only signs off): the SCR sub-group accepts the evidence."""
    action = _scr_action(request, action_id)
    back = review_url(request, action.recommendation.review)
    error = ""
    if request.method == "POST":
        try:
            scr_actions.scr_action_sign_off(action=action, signed_off_by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, "Action signed off by the SCR sub-group")
            return redirect(back)
    context = {"action": action, "back_url": back, "error": error}
    return render(request, "case_reviews/action_sign_off.html", context)


@board_view(*CONFIDENTIAL)
def action_plans(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.completion_by_agency(board=request.board, today=today)
    return render(request, "case_reviews/action_plans.html", {"rows": rows})


@board_view(*CONFIDENTIAL)
def action_plan(request: HttpRequest, agency_id) -> HttpResponse:
    agency = get_object_or_404(Agency, board=request.board, pk=agency_id)
    actions = selectors.composite_plan(board=request.board, agency=agency)
    context = {"agency": agency, "actions": actions, "today": timezone.localdate()}
    return render(request, "case_reviews/action_plan.html", context)


@board_view(*CONFIDENTIAL)
def dashboard(request: HttpRequest) -> HttpResponse:
    """Reviews by stage, the clocks at risk and the action plans' completion. ?clock=
    overdue or due_soon (the home page's links) lists only those clocks at risk."""
    board = request.board
    today = timezone.localdate()
    settings = services.scr_settings(board=board)
    rows = selectors.register_rows(selectors.case_reviews(board=board), settings, today)
    clock = request.GET.get("clock", "")
    if clock not in (OVERDUE, DUE_SOON):
        clock = ""
    at_risk = [(row, c) for row in rows for c in row.at_risk if not clock or c.status == clock]
    context = {
        "stages": selectors.reviews_by_stage(rows),
        "at_risk": at_risk,
        "clock_filter": clock,
        "completion": selectors.completion_by_agency(board=board, today=today),
        "back_url": board_url(request, "case_reviews:scr-register"),
    }
    return render(request, "case_reviews/dashboard.html", context)
