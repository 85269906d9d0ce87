"""What every board page view shares: the role sets, the year switcher, and
create/edit/delete views for records, so each sub-domain's views stay short."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from core.confirm import delete_page
from core.forms import apply_errors
from core.links import board_url
from core.periods import FinancialYear

from ..access import BoardRoleRequiredMixin
from ..models import ALL_ROLES, Role
from ..services.records import record_delete, record_save

READ = tuple(ALL_ROLES)
WRITE = (Role.BOARD_MANAGER,)


def year_links(request: HttpRequest, url_name: str, year: FinancialYear, years) -> dict:
    """The year switcher: the years with records, this year, and next to the chosen one."""
    shown = sorted({*years, year, year.previous(), year.next()})
    return {
        "year": year,
        "year_links": [
            {
                "year": y,
                "href": board_url(request, url_name, query={"year": y.slug}),
                "current": y == year,
            }
            for y in shown
        ],
    }


class BoardPage(BoardRoleRequiredMixin, View):
    allowed_roles = frozenset(READ)


class RecordFormView(BoardPage):
    """Create (no pk in the URL) or edit (pk) one record of `model`, on the board."""

    allowed_roles = frozenset(WRITE)
    model: type[models.Model]
    form_class: type
    template_name = "board/record_form.html"
    noun = "record"
    # Where a saved record leads: this list page, unless `success_url` says otherwise.
    list_url_name: str

    def get_queryset(self):
        return self.model.objects.filter(board=self.request.board)

    def get_object(self) -> models.Model:
        if "pk" in self.kwargs:
            return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        return self.new_object()

    def new_object(self) -> models.Model:
        return self.model(board=self.request.board)

    def get_form(self, obj, data=None, files=None):
        return self.form_class(data=data, files=files, instance=obj, board=self.request.board)

    def page_title(self, obj) -> str:
        return f"Edit {self.noun}" if obj.pk and not obj._state.adding else f"Add {self.noun}"

    def success_url(self, obj) -> str:
        return board_url(self.request, self.list_url_name)

    def back_url(self, obj) -> str:
        return self.success_url(obj)

    def render_form(self, form, obj) -> HttpResponse:
        context = {"form": form, "page_title": self.page_title(obj), "back_url": self.back_url(obj)}
        context["view"] = self
        return render(self.request, self.template_name, context)

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        obj = self.get_object()
        return self.render_form(self.get_form(obj), obj)

    def save(self, form) -> models.Model:
        with transaction.atomic():
            obj = record_save(instance=form.save(commit=False))
            form.save_m2m()
        return obj

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        obj = self.get_object()
        adding = obj._state.adding
        form = self.get_form(obj, request.POST, request.FILES)
        if form.is_valid():
            try:
                obj = self.save(form)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                verb = "added" if adding else "saved"
                messages.success(request, f"{self.noun.capitalize()} {verb}: {obj}")
                return redirect(self.success_url(obj))
        return self.render_form(form, obj)


class RecordDeleteView(BoardPage):
    """A confirmation page, then the deletion (POST only)."""

    allowed_roles = frozenset(WRITE)
    model: type[models.Model]
    noun = "record"
    # Where the page leads after the deletion: this list page, unless `success_url` says.
    list_url_name: str

    def get_object(self):
        return get_object_or_404(
            self.model.objects.filter(board=self.request.board), pk=self.kwargs["pk"]
        )

    def success_url(self, obj) -> str:
        return board_url(self.request, self.list_url_name)

    def back_url(self, obj) -> str:
        return self.success_url(obj)

    def delete(self, obj) -> None:
        record_delete(instance=obj)

    def consequence(self, obj) -> str:
        """What else goes with the record, said on the confirmation page."""
        return ""

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        obj = self.get_object()
        return delete_page(
            request, obj, noun=self.noun, back_url=self.back_url(obj), text=self.consequence(obj)
        )

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        obj = self.get_object()
        url = self.success_url(obj)
        try:
            self.delete(obj)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.back_url(obj))
        messages.success(request, f"{self.noun.capitalize()} deleted: {obj}")
        return redirect(url)
