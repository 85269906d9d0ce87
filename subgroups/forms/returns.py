"""The return form, built from the return's template (its spec). Fields only collect text;
the rules (what a draft may leave out, what a submission must have) are in
services/validation.py, shared with the spreadsheet upload."""

from crispy_forms_gds.layout import HTML, Button, Field, Fieldset, Layout, Size
from django import forms
from django.utils.html import escape

from board.files import UploadField
from core.forms import FormHelper

from ..services.spec import ACTION_STATUSES, figure_keys
from ..services.validation import figure_field
from .base import GdsMixin


def _text(label: str, hint: str = "", long: bool = False, **attrs) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": 5}) if long else forms.TextInput(attrs=attrs)
    return forms.CharField(label=label, help_text=hint, required=False, widget=widget)


class ReturnForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, spec: dict, flags: dict | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        flags = flags or {}
        layout = [Field("version")]
        names = []
        for q in spec["questions"]:
            self.fields[f"q_{q['id']}"] = _text(q["text"], q["hint"], long=True)
            names.append(Field.textarea(f"q_{q['id']}"))
        if names:
            layout.append(Fieldset(*names, legend="Narrative", legend_size=Size.MEDIUM))
        layout += self._actions(spec)
        layout += self._figures(spec, flags)
        layout.append(Button.secondary("save", "Save draft"))
        layout.append(Button.primary("submit", "Submit return"))
        self.helper = FormHelper()
        self.helper.layout = Layout(*layout)
        self.helper.label_size = Size.SMALL

    def _actions(self, spec: dict) -> list:
        layout = []
        for number, a in enumerate(spec["actions"], start=1):
            status, comment = f"a_{a['id']}_status", f"a_{a['id']}_comment"
            self.fields[status] = forms.ChoiceField(
                label="Status",
                choices=[("", "Choose…"), *ACTION_STATUSES],
                required=False,
            )
            self.fields[comment] = _text("Progress this quarter", long=True)
            layout.append(
                Fieldset(
                    Field.select(status),
                    Field.textarea(comment),
                    legend=f"Action {number}: {a['description']}",
                    legend_size=Size.SMALL,
                )
            )
        if layout:
            heading = HTML('<h2 class="govuk-heading-m">Business plan actions</h2>')
            layout.insert(0, heading)
        return layout

    def _figures(self, spec: dict, flags: dict) -> list:
        layout = []
        for indicator in spec["indicators"]:
            labels = {c["id"]: c["label"] for b in indicator["breakdowns"] for c in b["categories"]}
            items = []
            for key, category_id in figure_keys(indicator):
                name = figure_field(key)
                label = labels[category_id] if category_id else "Total"
                self.fields[name] = _text(
                    label, inputmode="decimal", spellcheck="false", autocomplete="off"
                )
                items.append(Field.text(name, field_width=10))
            comment = f"c_{indicator['id']}"
            hint = "Needed when a figure is flagged as unusual."
            self.fields[comment] = _text("Comment on these figures", hint, long=True)
            if comment in flags:
                message = escape(flags[comment])
                items.append(
                    HTML(
                        '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" '
                        'aria-hidden="true">!</span><strong class="govuk-warning-text__text">'
                        f'<span class="govuk-visually-hidden">Warning</span>{message}'
                        "</strong></div>"
                    )
                )
            items.append(Field.textarea(comment))
            legend = indicator["name"] + (
                " (the breakdowns must add up to the total)" if indicator["add_up"] else ""
            )
            layout.append(Fieldset(*items, legend=legend, legend_size=Size.SMALL))
        if layout:
            layout.insert(0, HTML('<h2 class="govuk-heading-m">Figures</h2>'))
        return layout


class ReasonForm(GdsMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason"},
    )

    def __init__(self, *args, submit_label: str, reason_label: str, **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = reason_label


class ApproveForm(GdsMixin, forms.Form):
    submit_label = "Approve and lock the return"
    comment = forms.CharField(
        label="Comment (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class UploadForm(GdsMixin, forms.Form):
    submit_label = "Upload"
    file = UploadField(
        allowed=("xlsx",),
        kind="return",
        noun="return spreadsheet",
        label="Completed return spreadsheet (.xlsx)",
    )
