from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.links import board_url
from core.paging import paginate
from core.years import latest_year, this_year, year_from_query

from ..access import board_view
from ..forms.plan import ChallengeForm, ObjectiveForm, PriorityForm
from ..models import Challenge, Objective, Priority
from ..selectors import plan as select
from ..services.plan import plan_carry_over
from .base import READ, WRITE, RecordDeleteView, RecordFormView, year_links


@board_view(*READ)
def plan(request: HttpRequest) -> HttpResponse:
    years = select.plan_years(request.board)
    year = year_from_query(request, latest_year(years))
    priorities = list(select.plan_priorities(request.board, year))
    for priority in priorities:
        priority.rollup = select.priority_rollup(priority)
    context = {
        "priorities": priorities,
        "today": timezone.localdate(),
        **year_links(request, "plan", year, years),
    }
    return render(request, "board/plan.html", context)


def _plan_url(request, year) -> str:
    return board_url(request, "plan", query={"year": year.slug})


class PriorityFormView(RecordFormView):
    model, form_class, noun = Priority, PriorityForm, "priority"

    def new_object(self):
        year = year_from_query(self.request, this_year())
        number = Priority.objects.filter(board=self.request.board, year=year.start_year).count()
        return Priority(board=self.request.board, year=year.start_year, number=number + 1)

    def page_title(self, obj) -> str:
        return f"{super().page_title(obj)} for {obj.financial_year}"

    def success_url(self, obj) -> str:
        return _plan_url(self.request, obj.financial_year)


class PriorityDeleteView(RecordDeleteView):
    model, noun = Priority, "priority"

    def delete(self, obj) -> None:
        if obj.objectives.exists():
            raise ValidationError("Delete the priority's objectives first.")
        super().delete(obj)

    def success_url(self, obj) -> str:
        return _plan_url(self.request, obj.financial_year)


class ObjectiveFormView(RecordFormView):
    model, form_class, noun = Objective, ObjectiveForm, "objective"

    def get_queryset(self):
        return super().get_queryset().select_related("priority")

    def new_object(self):
        priority = get_object_or_404(
            Priority, board=self.request.board, pk=self.kwargs["priority_pk"]
        )
        number = priority.objectives.count() + 1
        return Objective(board=self.request.board, priority=priority, number=number)

    def success_url(self, obj) -> str:
        return _plan_url(self.request, obj.priority.financial_year)


class ObjectiveDeleteView(RecordDeleteView):
    model, noun = Objective, "objective"

    def delete(self, obj) -> None:
        if obj.actions.exists():
            raise ValidationError("The objective has actions: delete or move them first.")
        super().delete(obj)

    def success_url(self, obj) -> str:
        return _plan_url(self.request, obj.priority.financial_year)


@board_view(*WRITE)
def plan_carry_over_view(request: HttpRequest) -> HttpResponse:
    year = year_from_query(request, latest_year(select.plan_years(request.board)))
    if request.method == "POST":
        count = plan_carry_over(board=request.board, year=year, created_by=request.user)
        messages.success(
            request,
            f"{count} unfinished action{'s' if count != 1 else ''} carried over into {year.next()}",
        )
        return redirect(_plan_url(request, year.next()))
    context = {"year": year, "back_url": _plan_url(request, year)}
    return render(request, "board/plan_carry_over.html", context)


@board_view(*READ)
def challenge_list(request: HttpRequest) -> HttpResponse:
    challenges = Challenge.objects.filter(board=request.board).select_related("agency")
    return render(request, "board/challenge_list.html", {"page": paginate(request, challenges)})


class ChallengeFormView(RecordFormView):
    model, form_class, noun = Challenge, ChallengeForm, "challenge"
    list_url_name = "challenge-list"


class ChallengeDeleteView(RecordDeleteView):
    model, noun = Challenge, "challenge"
    list_url_name = "challenge-list"
