"""National reviews of the Child Safeguarding Practice Review Panel the board acts on:
published reports, so every board role reads them; the SCR sub-group and the board
manager record them and their recommendations, each with its first action."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from board.access import board_view
from board.models import ALL_ROLES
from board.selectors.actions import actions_for_source
from core.forms import apply_errors, form_page, save_form
from core.links import board_url
from core.paging import paginate

from ..forms import incidents as forms
from ..models import NationalReview
from ..selectors import incidents as selectors
from ..services import national as services
from .incidents import MANAGE


def _review_url(request: HttpRequest, review: NationalReview) -> str:
    return board_url(request, "case_reviews:national-review-detail", review_id=review.pk)


@board_view(*ALL_ROLES)
def national_review_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.national_reviews(board=request.board), 25)
    context = {"page": page, "can_manage": request.board_access.has_any(MANAGE)}
    return render(request, "case_reviews/national_reviews.html", context)


@board_view(*MANAGE)
def national_review_create(request: HttpRequest) -> HttpResponse:
    form = forms.NationalReviewForm(request.POST or None)
    back = board_url(request, "case_reviews:national-review-list")
    if request.method == "POST" and form.is_valid():
        try:
            review = services.national_review_create(board=request.board, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "National review recorded")
            return redirect(_review_url(request, review))
    return form_page(request, form, "Record a national review", back)


@board_view(*ALL_ROLES)
def national_review_detail(request: HttpRequest, review_id) -> HttpResponse:
    review = get_object_or_404(selectors.national_reviews(board=request.board), pk=review_id)
    recommendations = [(rec, list(actions_for_source(rec))) for rec in review.recommendations.all()]
    context = {
        "review": review,
        "recommendations": recommendations,
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "case_reviews/national_review_detail.html", context)


@board_view(*MANAGE)
def national_recommendation_add(request: HttpRequest, review_id) -> HttpResponse:
    review = get_object_or_404(NationalReview, board=request.board, pk=review_id)
    form = forms.NationalRecommendationForm(request.POST or None, board=request.board)
    back = _review_url(request, review)
    done = save_form(
        request,
        form,
        lambda data: services.national_recommendation_create(
            review=review, created_by=request.user, **data
        ),
        "Recommendation added",
        back,
    )
    return done or form_page(request, form, f"{review}: add a recommendation", back)
