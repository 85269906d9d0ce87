"""Learning (lessons, themes, dissemination), the review's documents and the published
executive summaries. Every view or download of a confidential document is logged, and so
is every refused request for one."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from board.access import board_view
from board.audit import log_access
from board.files import file_response
from board.models import ALL_ROLES, AuditEntry
from core.forms import form_page, save_form
from core.links import board_url

from ..forms import reviews as forms
from ..models import ReviewDocument, Theme
from ..pdf import executive_summary_pdf, is_published
from ..selectors import reviews as selectors
from ..services import learning as scr_learning
from .reviews import CONFIDENTIAL, MANAGE, review_for, review_url


@board_view(*CONFIDENTIAL)
def themes(request: HttpRequest) -> HttpResponse:
    context = {
        "counts": selectors.theme_counts(board=request.board),
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "case_reviews/themes.html", context)


@board_view(*MANAGE)
def themes_edit(request: HttpRequest) -> HttpResponse:
    active = Theme.objects.filter(board=request.board, is_active=True)
    initial = {"names": "\n".join(theme.name for theme in active)}
    form = forms.ThemesForm(request.POST or None, initial=initial)
    done = save_form(
        request,
        form,
        lambda data: scr_learning.themes_update(
            board=request.board, names=data["names"].splitlines()
        ),
        "Themes saved",
        board_url(request, "case_reviews:scr-themes"),
    )
    return done or form_page(
        request, form, "Learning themes", board_url(request, "case_reviews:scr-themes")
    )


@board_view(*MANAGE)
def lesson_add(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    form = forms.LessonForm(request.POST or None, board=request.board)

    def write(data):
        scr_learning.lesson_add(review=review, text=data["text"], themes=list(data["themes"]))

    done = save_form(request, form, write, "Lesson added", review_url(request, review))
    return done or form_page(request, form, f"{review}: add a lesson", review_url(request, review))


@board_view(*CONFIDENTIAL)
def disseminations(request: HttpRequest) -> HttpResponse:
    context = {
        "records": selectors.disseminations(board=request.board),
        "can_manage": request.board_access.has_any(MANAGE),
    }
    return render(request, "case_reviews/disseminations.html", context)


@board_view(*MANAGE)
def dissemination_add(request: HttpRequest) -> HttpResponse:
    form = forms.DisseminationForm(request.POST or None, board=request.board)

    def write(data):
        data["reviews"] = list(data["reviews"])
        scr_learning.dissemination_add(board=request.board, **data)

    back = board_url(request, "case_reviews:scr-disseminations")
    done = save_form(request, form, write, "Dissemination recorded", back)
    return done or form_page(request, form, "Record a briefing, training event or newsletter", back)


@board_view(*MANAGE)
def document_upload(request: HttpRequest, review_id) -> HttpResponse:
    review = review_for(request, review_id)
    form = forms.DocumentForm(request.POST or None, request.FILES or None, board=request.board)

    def write(data):
        upload = data.pop("file")
        scr_learning.document_upload(review=review, upload=upload, uploaded_by=request.user, **data)

    done = save_form(request, form, write, "Document uploaded", review_url(request, review))
    return done or form_page(
        request, form, f"{review}: upload a document", review_url(request, review)
    )


def _log_refusal(request: HttpRequest, document: ReviewDocument) -> None:
    AuditEntry.objects.log_create(
        document,
        action=AuditEntry.Action.ACCESS,
        changes={"refused": ["", "no SCR, manager or chair role"]},
        force_log=True,
        actor=request.user,
        additional_data={"refused": True},
    )


@board_view(*ALL_ROLES)
def document_download(request: HttpRequest, review_id, document_id) -> HttpResponse:
    """Confidential documents for the SCR sub-group, the manager and the chair only; a
    published executive summary for every board role. Downloads and refusals are logged."""
    review = review_for(request, review_id)
    document = get_object_or_404(ReviewDocument, board=request.board, review=review, pk=document_id)
    if document.is_confidential and not request.board_access.has_any(CONFIDENTIAL):
        _log_refusal(request, document)
        raise PermissionDenied("This document is confidential to the SCR sub-group")
    log_access(document)
    return file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )


@board_view(*ALL_ROLES)
def published(request: HttpRequest) -> HttpResponse:
    reviews = [
        review
        for review in selectors.case_reviews(board=request.board).prefetch_related("documents")
        if is_published(review)
    ]
    return render(request, "case_reviews/published.html", {"reviews": reviews})


@board_view(*ALL_ROLES)
def summary_pdf(request: HttpRequest, review_id) -> HttpResponse:
    """The executive summary with the full action plan and the panel's names: for every
    board role once published, before that for the SCR sub-group, manager and chair."""
    review = get_object_or_404(
        selectors.case_review_with_details(board=request.board), pk=review_id
    )
    if not is_published(review):
        if not request.board_access.has_any(CONFIDENTIAL):
            raise PermissionDenied("The executive summary is not published yet")
        log_access(review)
    pdf = executive_summary_pdf(review)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = review.reference.replace(" ", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}-executive-summary.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
