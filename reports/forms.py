import re

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from board.files import ImageUploadField
from board.models import RoleAssignment, User
from core.forms import FormHelper, GdsForm, TableFileField, choice_field, text_field
from core.periods import FinancialYear

from . import cover
from .builtin import BUILTIN_TEMPLATES
from .checks import problems_gone
from .models import ReportImage, ReportTemplate
from .sections import registry


def _helper(*layout, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*layout, Submit("submit", submit))
    helper.label_size = Size.SMALL
    return helper


PAGE_CHOICES = [("new_page", "Start on a new page"),
                ("flow", "Flow on after the previous section")]  # fmt: skip
LAYOUT_CHOICES = [("", "Leave each section as it is"),
                  ("new_page", "Every section starts on a new page"),
                  ("flow", "Every section flows on after the previous one")]  # fmt: skip


class TemplateCopyForm(forms.Form):
    """The copy's own name and description: a copy never keeps a built-in's silently."""

    name = forms.CharField(
        label="Name of your template", max_length=200,
        error_messages={"required": "Enter the name of your template"},
    )  # fmt: skip
    description = forms.CharField(
        label="Description (optional)", required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the template is for. It starts as the original's: change it.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("name"), Field.textarea("description"),
                              submit="Copy template")  # fmt: skip


class TemplateForm(GdsForm):
    """A template's name and description, what its reports are called, and every
    section's page break at once."""

    submit_label = "Save the template"
    name = text_field("Name of the template", max_length=200)
    description = text_field("Description", required=False, long=True, max_length=5000)
    report_title = text_field(
        "Title of its reports", required=False, max_length=200,
        help_text="Printed on the cover and the contents, such as “Annual Safeguarding "
        "Board Report”. Leave empty for “<board> Annual Review <year>”. Each report can "
        "change its own.",
    )  # fmt: skip
    report_subtitle = text_field("Subtitle of its reports", required=False, max_length=300)
    layout = choice_field("Pages", LAYOUT_CHOICES, radios=True, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["layout"].initial = ""


class TemplateImportForm(GdsForm):
    submit_label = "Import the template"
    file = TableFileField(
        label="Template file", noun="template file", kind="template", extensions=(".json",),
        wrong_type="The selected file must be a template file (.json)",
        help_text="A file downloaded from a report template's page, on this service or "
        "another board's.",
        error_messages={"required": "Select the template file",
                        "empty": "The selected template file is empty."},
    )  # fmt: skip
    name = text_field("Name of your template (optional)", required=False, max_length=200,
                      help_text="Leave empty to keep the name in the file.")  # fmt: skip


def position_choices(sections, section=None) -> list[tuple[str, str]]:
    """Where a section goes, as how many sections come before it: "At the start", then
    after each of the others (the last, the end, is the choice for a new section)."""
    others = [s for s in sections if s != section]
    return [("0", "At the start")] + [
        (str(n), f"After “{other.title}”") for n, other in enumerate(others, 1)
    ]


class _Placed(forms.Form):
    """Where the section goes and whether it starts a new page in print."""

    def _place_fields(self, sections, section=None) -> None:
        choices = position_choices(sections, section)
        # Not required: a form (or script) that leaves them out keeps the section where it
        # is (a new one goes at the end) and as it starts in print (a new one on a new page).
        self.fields["position"] = choice_field("Position", choices, required=False)
        self.fields["position"].choices = choices  # no "Choose…": it always has a place
        self.fields["new_page"] = choice_field("In print", PAGE_CHOICES, radios=True,
                                               required=False)  # fmt: skip
        if section is None:
            self.fields["position"].initial = choices[-1][0]
            self.fields["new_page"].initial = "new_page"
        else:
            self.fields["position"].initial = str(list(sections).index(section))
            self.fields["new_page"].initial = "new_page" if section.new_page else "flow"

    def placement(self) -> dict:
        placed = {}
        if self.cleaned_data.get("position"):
            placed["position"] = int(self.cleaned_data["position"])
        if self.cleaned_data.get("new_page"):
            placed["new_page"] = self.cleaned_data["new_page"] == "new_page"
        return placed


class SectionAddForm(_Placed):
    section_type = forms.ChoiceField(
        label="Type of section", choices=(),
        error_messages={"required": "Choose the type of section"},
    )  # fmt: skip
    title = forms.CharField(label="Title", max_length=200,
                            error_messages={"required": "Enter the section's title"})  # fmt: skip

    def __init__(self, *args, sections=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section_type"].choices = registry.choices()
        self._place_fields(list(sections))
        self.helper = _helper(
            Field.select("section_type"), Field.text("title"), Field.select("position"),
            Field.radios("new_page", small=True, inline=True), submit="Add section",
        )  # fmt: skip


class SectionForm(_Placed):
    """Type, title, place, page break and the type's settings; in a report also the
    author and the text. A new type's settings are asked for once it is saved. A post
    without a type keeps the section's."""

    section_type = forms.ChoiceField(label="Type of section", choices=(), required=False)
    title = forms.CharField(label="Title", max_length=200,
                            error_messages={"required": "Enter the section's title"})  # fmt: skip

    def __init__(self, *args, section, board, in_report: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        section_type = registry.get(section.section_type)
        self.fields["section_type"].choices = registry.choices()
        self.fields["section_type"].initial = section.section_type
        self._place_fields(list(section.owner.sections.order_by("order", "created_at")), section)
        layout = [Field.select("section_type"), Field.text("title")]
        for key, help_text in section_type.config_fields.items():
            self.fields[f"config_{key}"] = forms.CharField(
                label=key.replace("_", " ").capitalize(),
                help_text=help_text,
                required=False,
                initial=str(section.config.get(key, "")),
            )
            layout.append(Field.text(f"config_{key}"))
        layout += [Field.select("position"), Field.radios("new_page", small=True, inline=True)]
        if in_report:
            people = User.objects.filter(
                pk__in=RoleAssignment.objects.filter(board=board).values("user")
            ).order_by("full_name")
            self.fields["author"] = forms.ModelChoiceField(
                label="Author",
                queryset=people,
                required=False,
                help_text="Someone with a role on this board, who writes this section's text.",
            )
            self.fields["narrative"] = forms.CharField(
                label="Text",
                widget=forms.Textarea(attrs={"rows": 14}),
                required=False,
                help_text=section_type.narrative_help,
            )
            layout += [Field.select("author"), Field.textarea("narrative")]
        self.helper = _helper(*layout, submit="Save section")

    def chosen_type(self, section) -> str:
        return self.cleaned_data.get("section_type") or section.section_type

    def config(self, section) -> dict:
        """The settings: those on the form; on a change of type, only those the new type
        has (set on the edit page it comes back to)."""
        config = dict(section.config)
        for name, value in self.cleaned_data.items():
            if name.startswith("config_"):
                config[name.removeprefix("config_")] = value.strip()
        new_type = registry.types().get(self.chosen_type(section))
        if new_type.key != section.section_type:
            config = {k: v for k, v in config.items() if k in new_type.config_fields}
        return config


class ReportTitlesForm(GdsForm):
    submit_label = "Save the title"
    title = text_field("Title", max_length=200,
                       help_text="Printed on the cover and the contents.")  # fmt: skip
    subtitle = text_field("Subtitle", required=False, max_length=300)


class NarrativeForm(forms.Form):
    narrative = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 16}),
                                required=False)  # fmt: skip

    def __init__(self, *args, help_text: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["narrative"].help_text = help_text
        self.helper = _helper(Field.textarea("narrative"), submit="Save text")


class ReportCreateForm(forms.Form):
    year = forms.CharField(label="Financial year", max_length=9, help_text="For example 2014-15",
                           error_messages={"required": "Enter the financial year"})  # fmt: skip
    template = forms.ModelChoiceField(
        label="Template",
        queryset=ReportTemplate.objects.none(),
        error_messages={"required": "Choose a template", "invalid_choice": "Choose a template"},
    )

    def __init__(self, *args, board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = ReportTemplate.objects.filter(board=board)
        self.helper = _helper(Field.text("year"), Field.select("template"), submit="Create report")

    def clean_year(self) -> FinancialYear:
        try:
            return FinancialYear.parse(self.cleaned_data["year"])
        except ValueError:
            raise forms.ValidationError("Enter a financial year such as 2014-15") from None


class AcceptProblemsForm(forms.Form):
    """Accept several problems with one reason: the outstanding problems as checkboxes
    (the checks page lays them out in its table, each labelled by its message)."""

    problems = forms.MultipleChoiceField(
        label="Problems to accept",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        error_messages={
            "required": "Choose at least one problem to accept",
            "invalid_choice": problems_gone(1),
        },
    )
    reason = forms.CharField(
        label="Why the problems you chose are acceptable",
        help_text="One reason for every problem you chose. It is recorded with your name "
        "and shown beside each of them.",
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
        required=False,  # checked in clean(), where the message can say how many
        max_length=2000,
    )

    def __init__(self, *args, problems=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["problems"].choices = [(p.key, p.message) for p in problems]
        self.helper = FormHelper()

    def clean(self) -> dict:
        data = super().clean()
        chosen = data.get("problems") or []
        if chosen and not data.get("reason", "").strip():
            what = "problem" if len(chosen) == 1 else f"{len(chosen)} problems"
            self.add_error("reason", f"Enter why the {what} you chose can be accepted")
        return data


BUILTIN_CHOICES = [(key, value["name"]) for key, value in BUILTIN_TEMPLATES.items()]


class CoverForm(GdsForm):
    """The cover's logo (one of the report's images) and colour (reports/cover.py)."""

    submit_label = "Save the cover"
    cover_logo = forms.ModelChoiceField(
        label="Logo", queryset=ReportImage.objects.none(), required=False, empty_label="No logo",
        help_text="One of the report's images: upload it on the report's images page.",
        error_messages={"invalid_choice": "Choose the logo from the report's images"},
    )  # fmt: skip

    cover_colour = text_field(
        "Cover colour", required=False, max_length=20,
        help_text="A hex code, like #1d70b8. The text on it is white or black, whichever "
        "can be read. Leave empty for a white cover.",
    )  # fmt: skip

    def __init__(self, *args, report, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cover_logo"].queryset = report.images.all()

    def clean_cover_colour(self) -> str:
        colour = cover.normalised(self.cleaned_data["cover_colour"])
        if colour and not re.fullmatch(r"#[0-9a-f]{6}", colour):
            raise forms.ValidationError("Enter the cover colour as a hex code, like #1d70b8")
        return colour


class ReportImageForm(forms.Form):
    file = ImageUploadField(
        label="Image",
        help_text="A PNG or JPEG image, smaller than 5 MB.",
    )  # fmt: skip
    name = forms.CharField(
        label="Name (optional)", max_length=60, required=False,
        help_text="What you write in the text to show it, such as ‘logo’. Leave empty to "
        "use the file's name.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("file"), Field.text("name"), submit="Upload image")
