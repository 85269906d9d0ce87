"""The case review register and each review's record.

Who sees what: SCR sub-group members and the board manager manage reviews; the
independent chair reads everything; every other board role sees the register summary and
the published executive summaries only. Views of a review's record are logged."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from board.access import board_view
from board.audit import log_access
from board.models import ALL_ROLES, Role
from core.forms import apply_errors, form_page, save_form
from core.links import board_url
from core.paging import paginate

from ..filters import ReviewFilter
from ..forms import initial_of
from ..forms import reviews as forms
from ..models import CaseReview, Milestone
from ..selectors import reviews as selectors
from ..services import reviews as services

MANAGE = tuple(selectors.SCR_MANAGERS)
CONFIDENTIAL = tuple(selectors.SCR_READERS)
REGISTER_PAGE_SIZE = 25


def review_for(request: HttpRequest, review_id) -> CaseReview:
    return get_object_or_404(CaseReview, board=request.board, pk=review_id)


def review_url(request: HttpRequest, review: CaseReview) -> str:
    return board_url(request, "case_reviews:scr-review-detail", review_id=review.pk)


@board_view(*ALL_ROLES)
def register(request: HttpRequest) -> HttpResponse:
    board = request.board
    settings = services.scr_settings(board=board)
    today = timezone.localdate()
    # One page of reviews at a time; the page's prefetches keep the queries constant.
    filters = ReviewFilter(request.GET, queryset=selectors.case_reviews(board=board), board=board)
    page = paginate(request, filters.qs, REGISTER_PAGE_SIZE)
    rows = selectors.register_rows(page.object_list, settings, today)
    context = {
        "rows": rows,
        "page": page,
        "filters": filters,
        "can_read": request.board_access.has_any(CONFIDENTIAL),
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "case_reviews/register.html", context)


@board_view(*MANAGE)
def review_create(request: HttpRequest) -> HttpResponse:
    form = forms.ReviewForm(request.POST or None, board=request.board)
    created = {}

    def write(data):
        agencies = list(data.pop("agencies_involved"))
        created["review"] = services.case_review_create(
            board=request.board, agencies_involved=agencies, **data
        )

    if request.method == "POST" and form.is_valid():
        try:
            write(dict(form.cleaned_data))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{created['review']} added to the register")
            return redirect(review_url(request, created["review"]))
    return form_page(
        request, form, "Add a case to the register", board_url(request, "case_reviews:scr-register")
    )


@board_view(*CONFIDENTIAL)
def review_detail(request: HttpRequest, review_id) -> HttpResponse:
    board = request.board
    review = get_object_or_404(selectors.case_review_with_details(board=board), pk=review_id)
    log_access(review)
    settings = services.scr_settings(board=board)
    today = timezone.localdate()
    row = selectors.register_rows([review], settings, today)[0]
    grouped = selectors.actions_for_review(review=review)
    recommendations = [(rec, grouped.get(rec.pk, [])) for rec in review.recommendations.all()]
    context = {
        "review": review,
        "row": row,
        "recommendations": recommendations,
        "today": today,
        "can_manage": request.board_access.has_any(MANAGE),
        "can_sign_off": request.board_access.has_any([Role.SCR_MEMBER]),
    }
    return render(request, "case_reviews/review_detail.html", context)


@board_view(*MANAGE)
def review_edit(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    initial = initial_of(review, forms.ReviewForm)
    form = forms.ReviewForm(request.POST or None, initial=initial, board=request.board)

    def write(data):
        agencies = list(data.pop("agencies_involved"))
        services.case_review_update(review=review, agencies_involved=agencies, **data)

    done = save_form(request, form, write, f"{review} saved", review_url(request, review))
    return done or form_page(request, form, f"{review}: details", review_url(request, review))


@board_view(*MANAGE)
def review_decision(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    initial = {name: getattr(review, name) for name in forms.DecisionForm.base_fields}
    initial["decision_on"] = review.decision_on or timezone.localdate()
    form = forms.DecisionForm(request.POST or None, initial=initial)
    done = save_form(
        request,
        form,
        lambda data: services.case_review_decide(review=review, **data),
        f"Decision on {review} recorded",
        review_url(request, review),
    )
    return done or form_page(
        request,
        form,
        f"{review}: decision whether to hold a review",
        review_url(request, review),
        lead=f"Criteria considered: {review.criteria_considered or 'none recorded yet'}",
    )


@board_view(*MANAGE)
def appointment_add(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    form = forms.AppointmentForm(request.POST or None, board=request.board)
    done = save_form(
        request,
        form,
        lambda data: services.appointment_add(review=review, **data),
        "Appointment recorded",
        review_url(request, review),
    )
    return done or form_page(
        request,
        form,
        f"{review}: appoint the reviewer or panel chair",
        review_url(request, review),
        lead="They must be independent of the board and of every agency involved in the "
        "case. Someone who works for an agency involved is refused.",
    )


@board_view(*MANAGE)
def panel_member_add(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    form = forms.PanelMemberForm(request.POST or None, board=request.board)
    done = save_form(
        request,
        form,
        lambda data: services.panel_member_add(review=review, **data),
        "Panel member added",
        review_url(request, review),
    )
    return done or form_page(
        request, form, f"{review}: add a panel member", review_url(request, review)
    )


@board_view(*MANAGE)
def milestone_add(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    form = forms.MilestoneForm(request.POST or None, board=request.board)
    done = save_form(
        request,
        form,
        lambda data: services.milestone_add(review=review, **data),
        "Milestone saved",
        review_url(request, review),
    )
    return done or form_page(
        request, form, f"{review}: add a milestone", review_url(request, review)
    )


@board_view(*MANAGE)
def milestone_edit(request: HttpRequest, review_id, milestone_id) -> HttpResponse:
    review = review_for(request, review_id)
    milestone = get_object_or_404(Milestone, board=request.board, review=review, pk=milestone_id)
    initial = {name: getattr(milestone, name) for name in forms.MilestoneForm.base_fields}
    form = forms.MilestoneForm(request.POST or None, initial=initial, board=request.board)
    done = save_form(
        request,
        form,
        lambda data: services.milestone_update(milestone=milestone, **data),
        "Milestone saved",
        review_url(request, review),
    )
    title = f"{review}: {milestone}"
    return done or form_page(request, form, title, review_url(request, review))


@board_view(*MANAGE)
def review_settings(request: HttpRequest) -> HttpResponse:
    settings = services.scr_settings(board=request.board)
    initial = {name: getattr(settings, name) for name in forms.SettingsForm.base_fields}
    form = forms.SettingsForm(request.POST or None, initial=initial)
    done = save_form(
        request,
        form,
        lambda data: services.scr_settings_update(board=request.board, **data),
        "Statutory clock settings saved",
        board_url(request, "case_reviews:scr-register"),
    )
    return done or form_page(
        request,
        form,
        "Statutory clocks for case reviews",
        board_url(request, "case_reviews:scr-register"),
    )
