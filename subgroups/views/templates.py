"""The board manager edits a sub-group's return template: questions and indicators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from board.access import board_view
from core.confirm import confirm_page
from core.forms import form_page

from ..forms.groups import QuestionForm, TemplateIndicatorForm
from ..models import TemplateIndicator, TemplateQuestion
from ..services import templates as services
from .common import MANAGER, subgroup_of, subgroup_url


@board_view(*MANAGER)
def question_add(request: HttpRequest, subgroup_id) -> HttpResponse:
    return _question(request, subgroup_id, None)


@board_view(*MANAGER)
def question_edit(request: HttpRequest, subgroup_id, question_id) -> HttpResponse:
    return _question(request, subgroup_id, question_id)


def _question(request: HttpRequest, subgroup_id, question_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    question = None
    initial = {"order": (subgroup.questions.count() + 1)}
    if question_id:
        question = get_object_or_404(
            TemplateQuestion, board=request.board, subgroup=subgroup, pk=question_id
        )
        initial = {"text": question.text, "hint": question.hint, "order": question.order}
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(subgroup=subgroup, question=question, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Question saved; returns not yet submitted now ask it")
            return redirect(subgroup_url(request, subgroup))
    title = "Change a question" if question else "Add a question"
    return form_page(request, form, title, subgroup_url(request, subgroup))


@board_view(*MANAGER)
def question_delete(request: HttpRequest, subgroup_id, question_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    question = get_object_or_404(
        TemplateQuestion, board=request.board, subgroup=subgroup, pk=question_id
    )
    if request.method == "POST":
        services.question_delete(question=question)
        messages.success(request, "Question removed from returns not yet submitted")
        return redirect(subgroup_url(request, subgroup))
    return confirm_page(
        request,
        title="Remove this question?",
        text=f"“{question.text}” will no longer be asked in returns not yet submitted. "
        "Submitted returns keep their answers.",
        button="Remove question",
        back_url=subgroup_url(request, subgroup),
        warning="",
    )


@board_view(*MANAGER)
def indicator_add(request: HttpRequest, subgroup_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    form = TemplateIndicatorForm(request.POST or None, board=request.board)
    if request.method == "POST" and form.is_valid():
        try:
            services.template_indicator_save(subgroup=subgroup, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Indicator saved; returns not yet submitted now ask for it")
            return redirect(subgroup_url(request, subgroup))
    return form_page(
        request, form, "Add an indicator to the return", subgroup_url(request, subgroup)
    )


@board_view(*MANAGER)
def indicator_remove(request: HttpRequest, subgroup_id, row_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    row = get_object_or_404(TemplateIndicator, board=request.board, subgroup=subgroup, pk=row_id)
    if request.method == "POST":
        services.template_indicator_remove(row=row)
        messages.success(request, "Indicator removed from returns not yet submitted")
        return redirect(subgroup_url(request, subgroup))
    return confirm_page(
        request,
        title="Remove this indicator?",
        text=f"{row.indicator.name} will no longer be asked for in returns not yet submitted.",
        button="Remove indicator",
        back_url=subgroup_url(request, subgroup),
        warning="",
    )
