from django import forms
from django.core.exceptions import ValidationError

from core.forms import FormHelper, layout_for

from ..files import UploadField
from ..models import AgendaItem, AttendanceStatus, Meeting
from ..services.meetings import AttendanceEntry
from .records import BoardMeta, BoardModelForm, model_form

AgendaItemForm = model_form(
    AgendaItem, ["position", "title", "presenter", "decision"], submit="Save agenda item"
)


class MeetingForm(BoardModelForm):
    submit_label = "Save meeting"

    class Meta(BoardMeta):
        model = Meeting
        fields = ["kind", "date", "title", "location", "minutes", "minutes_approved_at"]
        widgets = {"kind": forms.RadioSelect}

    def adjust_fields(self) -> None:
        field = self.fields["minutes_approved_at"]
        if self.instance.date:
            field.queryset = field.queryset.filter(date__gt=self.instance.date).order_by("date")
        else:
            field.queryset = field.queryset.none()
            field.help_text = "You can record this once a later meeting has been added."
        field.empty_label = "Not yet approved"


class PaperForm(forms.Form):
    title = forms.CharField(max_length=300, error_messages={"required": "Enter the paper's title"})
    file = UploadField(label="File", help_text="PDF, Word, Excel, PowerPoint, image or text")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = layout_for(self, "Upload paper")


class AttendanceForm(forms.Form):
    """One status (and deputy's name) per member on the meeting's date."""

    def __init__(self, *args, memberships, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()  # for the error summary; the page lays out the table
        self.helper.form_tag = False
        self.memberships = list(memberships)
        choices = [("", "Not recorded"), *AttendanceStatus.choices]
        for membership in self.memberships:
            record = membership.records[0] if membership.records else None
            key = membership.pk.hex
            self.fields[f"status_{key}"] = forms.ChoiceField(
                label=f"Attendance of {membership.person.full_name}",
                choices=choices,
                required=False,
                initial=record.status if record else "",
            )
            self.fields[f"deputy_{key}"] = forms.CharField(
                label=f"Deputy for {membership.person.full_name}",
                max_length=200,
                required=False,
                initial=record.deputy_name if record else "",
            )

    def rows(self):
        for membership in self.memberships:
            key = membership.pk.hex
            yield membership, self[f"status_{key}"], self[f"deputy_{key}"]

    def clean(self):
        data = super().clean()
        for membership in self.memberships:
            key = membership.pk.hex
            status, deputy = data.get(f"status_{key}"), (data.get(f"deputy_{key}") or "").strip()
            if status == AttendanceStatus.DEPUTY and not deputy:
                self.add_error(
                    f"deputy_{key}",
                    ValidationError(
                        f"Enter the name of the deputy sent for {membership.person.full_name}"
                    ),
                )
            elif deputy and status != AttendanceStatus.DEPUTY:
                self.add_error(
                    f"deputy_{key}",
                    ValidationError(
                        f"Only give a deputy's name for {membership.person.full_name} when "
                        "a deputy was sent"
                    ),
                )
        return data

    def entries(self) -> list[AttendanceEntry]:
        return [
            AttendanceEntry(
                membership=membership,
                status=self.cleaned_data[f"status_{membership.pk.hex}"],
                deputy_name=self.cleaned_data[f"deputy_{membership.pk.hex}"],
            )
            for membership in self.memberships
        ]
