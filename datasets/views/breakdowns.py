"""Breakdown sets and their categories: every board role reads them; the board manager
adds, changes and deletes them (a set or category in use is never deleted)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from board.access import board_view
from board.models import ALL_ROLES
from board.views.base import RecordDeleteView, RecordFormView
from core.links import board_url
from core.paging import paginate

from ..catalogue_forms import CategoryForm, CategorySetForm
from ..models import Category, CategorySet
from ..services import breakdowns as service


@board_view(*ALL_ROLES)
def breakdown_list(request: HttpRequest) -> HttpResponse:
    sets = CategorySet.objects.filter(board=request.board).prefetch_related("categories")
    return render(request, "datasets/breakdown_list.html", {"page": paginate(request, sets)})


@board_view(*ALL_ROLES)
def breakdown_detail(request: HttpRequest, pk) -> HttpResponse:
    category_set = get_object_or_404(CategorySet, board=request.board, pk=pk)
    context = {
        "category_set": category_set,
        "categories": category_set.categories.all(),
        "indicators": category_set.indicators.all(),
    }
    return render(request, "datasets/breakdown_detail.html", context)


class CategorySetFormView(RecordFormView):
    model, form_class, noun = CategorySet, CategorySetForm, "breakdown set"
    list_url_name = "datasets:breakdown-list"

    def success_url(self, obj) -> str:
        return board_url(self.request, "datasets:breakdown-detail", pk=obj.pk)

    def back_url(self, obj) -> str:
        if obj.pk and not obj._state.adding:
            return self.success_url(obj)
        return board_url(self.request, self.list_url_name)

    def save(self, form):
        return service.category_set_save(category_set=form.save(commit=False))


class CategorySetDeleteView(RecordDeleteView):
    model, noun = CategorySet, "breakdown set"
    list_url_name = "datasets:breakdown-list"

    def back_url(self, obj) -> str:
        return board_url(self.request, "datasets:breakdown-detail", pk=obj.pk)

    def consequence(self, obj) -> str:
        return "Its categories are deleted with it."

    def delete(self, obj) -> None:
        service.category_set_delete(category_set=obj)


class CategoryFormView(RecordFormView):
    """Add a category to the set in the URL (`set_pk`), or change one (`pk`)."""

    model, form_class, noun = Category, CategoryForm, "category"

    def new_object(self):
        category_set = get_object_or_404(
            CategorySet, board=self.request.board, pk=self.kwargs["set_pk"]
        )
        return Category(board=self.request.board, category_set=category_set)

    def success_url(self, obj) -> str:
        return board_url(self.request, "datasets:breakdown-detail", pk=obj.category_set_id)

    def page_title(self, obj) -> str:
        verb = "Change the" if obj.pk and not obj._state.adding else "Add a"
        return f"{verb} category of {obj.category_set}"

    def save(self, form):
        return service.category_save(category=form.save(commit=False))


class CategoryDeleteView(RecordDeleteView):
    model, noun = Category, "category"

    def success_url(self, obj) -> str:
        return board_url(self.request, "datasets:breakdown-detail", pk=obj.category_set_id)

    def delete(self, obj) -> None:
        service.category_delete(category=obj)
