from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from board.models import Agency
from core.forms import (
    FormHelper,
    GdsForm,
    TableFileField,
    formfield_for,
    name_every_field,
    picker,
    text_field,
)

from .models import CategorySet, Indicator


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "code",
            "theme",
            "definition",
            "unit",
            "polarity",
            "period_type",
            "rollup",
            "numerator",
            "denominator",
            "decimals",
            "breakdown_sets",
            "breakdowns_add_up",
            "target",
            "amber_margin",
            "source_agency",
            "valid_from",
            "valid_to",
            "notes",
            "dfe_measure",
        ]
        widgets = {"breakdown_sets": forms.CheckboxSelectMultiple}
        formfield_callback = staticmethod(formfield_for)
        help_texts = {
            "valid_from": "For example, 1 4 2014. Leave empty if always valid.",
            "valid_to": "For example, 31 3 2016. Leave empty if still valid.",
            "target": "The value to reach (or stay below, if lower is better).",
        }

    def __init__(self, *args, board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.board = board
        others = Indicator.objects.filter(board=board)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        for name in ("numerator", "denominator"):
            self.fields[name].queryset = others
            picker(self.fields[name])  # a board may keep hundreds of indicators
        self.fields["breakdown_sets"].queryset = CategorySet.objects.filter(board=board)
        self.fields["source_agency"].queryset = Agency.objects.filter(board=board)
        name_every_field(self)
        self.helper = FormHelper()
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        self.helper.layout = Layout(
            Field.text("name"),
            Field.text("code", field_width=20),
            Field.text("theme"),
            Field.textarea("definition", rows=3),
            Field.select("unit"),
            Field.select("polarity"),
            Field.select("period_type"),
            Field.select("rollup"),
            Field.select("numerator"),
            Field.select("denominator"),
            Field.text("decimals", field_width=2),
            Field.checkboxes("breakdown_sets", small=True),
            Field.checkbox("breakdowns_add_up"),
            Field.text("target", field_width=10),
            Field.text("amber_margin", field_width=10),
            Field.select("source_agency"),
            Field("valid_from"),
            Field("valid_to"),
            Field.textarea("notes", rows=3),
            Field.text("dfe_measure", field_width=20),
            Submit("submit", "Save indicator"),
        )

    def clean_period_type(self) -> str:
        """Refused while the indicator has figures (services/catalogue.py says why)."""
        from .services.catalogue import period_type_change_error

        period_type = self.cleaned_data["period_type"]
        if self.instance.pk and period_type != self.initial.get("period_type"):
            message = period_type_change_error(self.instance)
            if message:
                raise forms.ValidationError(message)
        return period_type

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].lower()
        clash = Indicator.objects.filter(board=self.instance.board, code=code)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Another indicator of this board has this code")
        return code


class ImportForm(forms.Form):
    file = TableFileField(
        label="Upload a file",
        help_text="A CSV (.csv) or Excel (.xlsx) file in the format below.",
        error_messages={"required": "Choose a CSV or Excel file to import"},
        noun="data file",
        wrong_type="The file must be a CSV (.csv) or Excel (.xlsx) file",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(Field("file"), Submit("submit", "Check the file"))


class DfeImportForm(GdsForm):
    """A Department for Education statistics file and the areas to compare with."""

    submit_label = "Check the file"

    file = TableFileField(
        label="Upload the DfE file",
        help_text="The CSV file as the Department for Education publishes it (.csv).",
        error_messages={"required": "Choose the DfE statistics file (.csv)"},
        noun="DfE file",
        wrong_type="The DfE file must be a CSV file (.csv)",
        extensions=(".csv",),
    )
    area = text_field(
        "Local authority",
        max_length=100,
        help_text="Yours, as the file names it: its code (E09000008 or 306) or its name "
        "(Croydon). Its region gives the regional figure.",
    )
    neighbours = text_field(
        "Statistical neighbours",
        required=False,
        max_length=1000,
        help_text="Their codes or names, separated by commas. Leave empty for England and "
        "the region only.",
    )

    def clean_neighbours(self) -> list[str]:
        text = self.cleaned_data["neighbours"]
        return [part.strip() for part in text.split(",") if part.strip()]
