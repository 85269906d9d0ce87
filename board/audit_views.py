"""The board manager's view of the audit trail: who changed or viewed what, and when."""

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.forms import FormHelper, date_field
from core.paging import paginate

from .access import board_view
from .audit import entries_for_reader
from .models import AuditEntry, Role, User

PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    person = forms.ModelChoiceField(queryset=User.objects.none(), required=False)
    record_type = forms.ModelChoiceField(
        queryset=ContentType.objects.none(), required=False, label="Kind of record"
    )
    action = forms.TypedChoiceField(
        choices=[("", "Any action"), *AuditEntry.Action.choices], coerce=int, required=False
    )
    date_from = date_field("From", required=False, help_text="For example, 1 4 2014")
    date_to = date_field("To", required=False, help_text="For example, 31 3 2015")

    def __init__(self, *args, entries: QuerySet[AuditEntry], board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only people and kinds of record that appear in the entries the reader may see:
        # a restricted kind of record is not even named to someone who may not open it.
        self.fields["person"].queryset = User.objects.filter(
            pk__in=entries.values("actor")
        ).order_by("full_name")
        self.fields["person"].empty_label = "Anyone"
        self.fields["record_type"].queryset = ContentType.objects.filter(
            pk__in=entries.values("content_type")
        ).order_by("model")
        self.fields["record_type"].empty_label = "Any kind"
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        self.helper.layout = Layout(
            Field.select("person"),
            Field.select("record_type"),
            Field.select("action"),
            Field("date_from"),
            Field("date_to"),
            Submit("filter", "Filter the log"),
        )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The end date must be on or after the start date")
        return data

    def apply(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        data = self.cleaned_data
        if data.get("person"):
            entries = entries.filter(actor=data["person"])
        if data.get("record_type"):
            entries = entries.filter(content_type=data["record_type"])
        if data.get("action") not in (None, ""):
            entries = entries.filter(action=data["action"])
        if data.get("date_from"):
            entries = entries.filter(timestamp__date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(timestamp__date__lte=data["date_to"])
        return entries


@board_view(Role.BOARD_MANAGER)
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = entries_for_reader(request.board, request.user)
    form = AuditFilterForm(request.GET or None, entries=entries, board=request.board)
    if form.is_bound and form.is_valid():
        entries = form.apply(entries)
    elif form.is_bound:
        entries = entries.none()
    page = paginate(request, entries.order_by("-timestamp", "-pk"), PAGE_SIZE)
    return render(request, "audit/log.html", {"form": form, "page": page})
