from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.links import board_url
from core.paging import paginate

from ..access import board_view
from ..filters import ActionFilter
from ..forms.actions import ActionForm, ActionUpdateForm
from ..models import Action, Meeting, Objective
from ..selectors import actions as select
from ..services.actions import action_add_update, action_create, action_edit, action_sign_off
from .base import READ, WRITE, RecordDeleteView, RecordFormView


def filtered_actions(request: HttpRequest) -> ActionFilter:
    """The tracker's filters as asked in the query; the export reads the same ones."""
    return ActionFilter(
        request.GET,
        queryset=select.actions(request.board),
        board=request.board,
        user=request.user,
        today=timezone.localdate(),
    )


@board_view(*READ)
def action_list(request: HttpRequest) -> HttpResponse:
    """The tracker, filtered by owner, agency, source, status and when it is due (the home
    page links here with "overdue", "due soon" and "my actions")."""
    filters = filtered_actions(request)
    context = {"page": paginate(request, filters.qs), "filters": filters}
    return render(request, "board/action_list.html", context)


@board_view(*READ)
def action_detail(request: HttpRequest, pk) -> HttpResponse:
    action = get_object_or_404(select.action_detail(request.board), pk=pk)
    updates = action.updates.select_related("author")
    context = {"action": action, "updates": updates, "today": timezone.localdate()}
    return render(request, "board/action_detail.html", context)


class ActionFormView(RecordFormView):
    """Add an action (on its own, or from a meeting or a business plan objective) or edit
    one. The source comes from the URL, never from the form."""

    model, form_class, noun = Action, ActionForm, "action"
    source_model = None

    def get_queryset(self):
        return select.actions(self.request.board)

    def source(self):
        if self.source_model is None:
            return None
        return get_object_or_404(
            self.source_model, board=self.request.board, pk=self.kwargs["source_pk"]
        )

    def new_object(self):
        action = Action(board=self.request.board)
        action._source = self.source()
        return action

    def save(self, form):
        action = form.instance
        fields = {name: form.cleaned_data[name] for name in ActionForm.Meta.fields}
        if action._state.adding:
            return action_create(
                board=self.request.board,
                source=action._source,
                created_by=self.request.user,
                **fields,
            )
        return action_edit(action=action, **fields)

    def success_url(self, obj) -> str:
        return board_url(self.request, "action-detail", pk=obj.pk)

    def back_url(self, obj) -> str:
        if not obj._state.adding:
            return self.success_url(obj)
        source = getattr(obj, "_source", None)
        if isinstance(source, Meeting):
            return board_url(self.request, "meeting-detail", pk=source.pk)
        if isinstance(source, Objective):
            year = source.priority.financial_year
            return board_url(self.request, "plan", query={"year": year.slug})
        return board_url(self.request, "action-list")


class MeetingActionFormView(ActionFormView):
    source_model = Meeting


class ObjectiveActionFormView(ActionFormView):
    source_model = Objective

    def success_url(self, obj) -> str:
        year = obj.source.priority.financial_year
        return board_url(self.request, "plan", query={"year": year.slug})


class ActionProgressView(RecordFormView):
    model, form_class, noun = Action, ActionUpdateForm, "progress update"
    template_name = "board/record_form.html"

    def get_object(self):
        return get_object_or_404(select.actions(self.request.board), pk=self.kwargs["pk"])

    def get_form(self, obj, data=None, files=None):
        return ActionUpdateForm(data=data, board=self.request.board, action=obj)

    def page_title(self, obj) -> str:
        return "Record progress"

    def save(self, form):
        data = form.cleaned_data
        action_add_update(
            action=form.action,
            author=self.request.user,
            text=data["text"],
            status=data["status"],
            on=data["date"],
            evidence=data["evidence"],
        )
        return form.action

    def success_url(self, obj) -> str:
        return board_url(self.request, "action-detail", pk=obj.pk)


@board_view(*WRITE)
def action_sign_off_view(request: HttpRequest, pk) -> HttpResponse:
    action = get_object_or_404(select.actions(request.board), pk=pk)
    back = board_url(request, "action-detail", pk=action.pk)
    error = None
    if request.method == "POST":
        try:
            action_sign_off(action=action, signed_off_by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, "Action signed off")
            return redirect(back)
    context = {"action": action, "back_url": back, "error": error}
    return render(request, "board/action_sign_off.html", context)


class ActionDeleteView(RecordDeleteView):
    model, noun = Action, "action"
    list_url_name = "action-list"
