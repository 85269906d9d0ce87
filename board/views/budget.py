from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.links import board_url
from core.years import latest_year, this_year, year_from_query

from ..access import board_view
from ..forms.plan import ExpenditureLineForm, IncomeLineForm
from ..models import ExpenditureLine, IncomeLine
from ..selectors import budget as select
from .base import READ, RecordDeleteView, RecordFormView, year_links


@board_view(*READ)
def budget(request: HttpRequest) -> HttpResponse:
    years = select.budget_years(request.board)
    year = year_from_query(request, latest_year(years))
    context = {
        "statement": select.budget_for_year(request.board, year),
        **year_links(request, "budget", year, years),
    }
    return render(request, "board/budget.html", context)


class BudgetLineMixin:
    def new_object(self):
        year = year_from_query(self.request, this_year())
        return self.model(board=self.request.board, year=year.start_year)

    def page_title(self, obj) -> str:
        return f"{super().page_title(obj)} for {obj.financial_year}"

    def success_url(self, obj) -> str:
        return board_url(self.request, "budget", query={"year": obj.financial_year.slug})


class ExpenditureLineFormView(BudgetLineMixin, RecordFormView):
    model, form_class, noun = ExpenditureLine, ExpenditureLineForm, "expenditure line"


class IncomeLineFormView(BudgetLineMixin, RecordFormView):
    model, form_class, noun = IncomeLine, IncomeLineForm, "income line"

    def get_queryset(self):
        return super().get_queryset().select_related("agency")


class ExpenditureLineDeleteView(BudgetLineMixin, RecordDeleteView):
    model, noun = ExpenditureLine, "expenditure line"


class IncomeLineDeleteView(BudgetLineMixin, RecordDeleteView):
    model, noun = IncomeLine, "income line"
