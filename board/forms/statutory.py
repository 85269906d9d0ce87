"""The statutory calendar's filters (sent by GET, so a filtered list can be bookmarked,
paged and exported) and the form of one timescale's value."""

from django import forms

from core.forms import layout_for
from core.forms.numbers import integer_field
from core.forms.plain import GdsForm, choice_field

from ..clock_status import STATUS_LABELS, STATUSES
from ..timescales import UNIT_LABELS

SORTS = {
    "due": ("Due date, soonest first", lambda c: (c.due, c.kind_label, c.subject)),
    "-due": ("Due date, latest first", lambda c: (-c.due.toordinal(), c.kind_label, c.subject)),
    "kind": ("Kind of clock", lambda c: (c.kind_label, c.due, c.subject)),
    "status": ("Status", lambda c: (STATUSES.index(c.status), c.due, c.subject)),
}


class ClockFilterForm(forms.Form):
    def __init__(self, data, *, kinds) -> None:
        super().__init__(data)
        self.fields["kind"] = choice_field(
            "Kind", [(kind.key, kind.label) for kind in kinds], required=False
        )
        self.fields["status"] = choice_field(
            "Status", [(key, STATUS_LABELS[key]) for key in STATUSES], required=False
        )
        self.fields["sort"] = choice_field(
            "Sort by", [(key, label) for key, (label, _) in SORTS.items()], required=False
        )
        self.helper = layout_for(self, "Filter")
        self.helper.form_method = "get"
        self.helper.form_tag = True

    def value(self, name: str) -> str:
        """The field's value if it could be read, else nothing (the list is then filtered
        by the other values, and the error shown in the summary)."""
        if not self.is_bound or not self.is_valid() and name in self.errors:
            return ""
        return self.cleaned_data.get(name) or ""


class TimescaleForm(GdsForm):
    def __init__(self, *args, timescale, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"] = integer_field(
            f"Number of {UNIT_LABELS[timescale.unit]}s",
            min_value=timescale.minimum,
            max_value=timescale.maximum,
        )
        self.helper = layout_for(self, self.submit_label)
