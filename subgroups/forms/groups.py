"""Forms for the board manager: sub-groups, seats, the return template, the settings."""

from django import forms

from board.models import Action, Board, Person
from core.forms import date_field, decimal_field, formfield_for, integer_field
from datasets.models import Indicator

from ..models import ReturnsSettings, SubGroup, SubGroupKind, SubGroupRole
from .base import GdsMixin


class SubGroupForm(GdsMixin, forms.Form):
    submit_label = "Save sub-group"
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the name"})
    purpose = forms.CharField(
        label="Purpose or terms of reference", required=False, widget=forms.Textarea
    )
    parent = forms.ModelChoiceField(
        label="Sits under (optional)", queryset=SubGroup.objects.none(), required=False
    )
    kind = forms.ChoiceField(
        label="Kind of sub-group",
        choices=SubGroupKind.choices,
        widget=forms.RadioSelect,
        help_text="Members of the CDOP and SCR sub-groups see those restricted records.",
    )
    actions = forms.ModelMultipleChoiceField(
        label="Business plan actions it owns",
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, board: Board, instance: SubGroup | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        parents = SubGroup.objects.filter(board=board)
        if instance is not None:
            parents = parents.exclude(pk=instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["actions"].queryset = Action.objects.filter(
            board=board, source_type="business_plan"
        ).order_by("due_date", "description")


class SeatForm(GdsMixin, forms.Form):
    submit_label = "Add to the sub-group"
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        help_text="From the board's people. Add someone new on the board's members page.",
        error_messages={"required": "Choose the person", "invalid_choice": "Choose the person"},
    )
    role = forms.ChoiceField(
        choices=SubGroupRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their role"},
    )
    start_date = date_field("Start date")

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(board=board)


class EndSeatForm(GdsMixin, forms.Form):
    submit_label = "End this seat"
    end_date = date_field("Last day")


class SettingsForm(GdsMixin, forms.ModelForm):
    submit_label = "Save settings"

    class Meta:
        model = ReturnsSettings
        fields = ["due_working_days", "remind_days_before"]
        formfield_callback = staticmethod(formfield_for)


class QuestionForm(GdsMixin, forms.Form):
    submit_label = "Save question"
    text = forms.CharField(
        label="Question", max_length=300, error_messages={"required": "Enter the question"}
    )
    hint = forms.CharField(label="Hint (optional)", max_length=500, required=False)
    order = integer_field(
        "Position", min_value=0, max_value=999, initial=10, help_text="Lower comes first"
    )


class TemplateIndicatorForm(GdsMixin, forms.Form):
    submit_label = "Save indicator"
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(),
        error_messages={"required": "Choose the indicator"},
        help_text="Its breakdowns (such as category of abuse) are asked for too.",
    )
    min_value = decimal_field("Lowest plausible value (optional)", required=False, min_value=0)
    max_value = decimal_field("Highest plausible value (optional)", required=False, min_value=0)
    order = integer_field("Position", min_value=0, max_value=999, initial=10)

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(
            board=board, period_type="quarter"
        ).exclude(rollup="ratio")
