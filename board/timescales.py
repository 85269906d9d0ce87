"""Every statutory (and local) timescale a board runs, with its default, its source and
the board's own value: the registry behind the timescales settings page and the clocks
of the statutory calendar (board/statutory.py).

An app registers each timescale it counts in its AppConfig.ready():

    timescales.register("assurance.section11_cycle", "Section 11 audit cycle",
                        default=24, unit=MONTHS, source="Children Act 2004, section 11",
                        check=True, minimum=12, maximum=48)

Where the value is kept, one way for all: a timescale an app already keeps as a field of
its own per-board settings row (case reviews' ScrSettings, CDOP's CdopSettings, the
returns' ReturnsSettings) is registered with `stored_in=("app_label.Model", "field")` and
read and written there, never copied; its default is that field's default. Any other
timescale is kept in board's one override table (board.BoardTimescale), a row only where
the board differs from the default. `check=True` marks a figure to confirm against the
current guidance before it is presented as statutory (the page says so)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from .models import Board

MONTHS, WORKING_DAYS, DAYS = "months", "working_days", "days"
UNIT_LABELS = {MONTHS: "month", WORKING_DAYS: "working day", DAYS: "day"}


@dataclass(frozen=True)
class Timescale:
    key: str
    label: str
    default: int
    unit: str
    source: str
    check: bool
    minimum: int
    maximum: int
    stored_in: tuple[str, str] | None  # ("app_label.Model", "field"), or board's table
    order: int

    def describe(self, value: int) -> str:
        """ "15 working days", "1 month"."""
        unit = UNIT_LABELS[self.unit]
        return f"{value} {unit}{'' if value == 1 else 's'}"

    @property
    def range_text(self) -> str:
        return f"between {self.minimum} and {self.describe(self.maximum)}"

    def model(self):
        return apps.get_model(self.stored_in[0]) if self.stored_in else None


_timescales: dict[str, Timescale] = {}


def register(
    key: str,
    label: str,
    *,
    unit: str,
    source: str,
    default: int | None = None,
    check: bool = False,
    minimum: int = 1,
    maximum: int = 60,
    stored_in: tuple[str, str] | None = None,
    order: int = 100,
) -> Timescale:
    """Register one timescale. With `stored_in` the default is read from the field (so it
    cannot disagree with it); without, `default` is required."""
    if unit not in UNIT_LABELS:
        raise ImproperlyConfigured(f"Timescale {key!r}: unknown unit {unit!r}.")
    if stored_in is not None:
        model_label, field = stored_in
        default = apps.get_model(model_label)._meta.get_field(field).default
    if default is None or not minimum <= default <= maximum:
        raise ImproperlyConfigured(f"Timescale {key!r} needs a default within its range.")
    timescale = Timescale(
        key, label, default, unit, source, check, minimum, maximum, stored_in, order
    )
    existing = _timescales.get(key)
    if existing is not None and existing != timescale:
        raise ImproperlyConfigured(f"Timescale {key!r} is registered twice.")
    _timescales[key] = timescale
    return timescale


def get(key: str) -> Timescale:
    try:
        return _timescales[key]
    except KeyError:
        raise ImproperlyConfigured(f"No timescale {key!r} is registered.") from None


def all_timescales() -> list[Timescale]:
    return sorted(_timescales.values(), key=lambda t: (t.order, t.label))


def values_for(board: "Board") -> dict[str, int]:
    """Every timescale's value for this board: one query for board's overrides and one
    per settings model pointed at, whatever the number of timescales."""
    from .models import BoardTimescale

    values = {t.key: t.default for t in _timescales.values()}
    values.update(
        (key, value)
        for key, value in BoardTimescale.objects.filter(board=board).values_list("key", "value")
        if key in values and _timescales[key].stored_in is None
    )
    by_model: dict[str, list[Timescale]] = {}
    for timescale in _timescales.values():
        if timescale.stored_in:
            by_model.setdefault(timescale.stored_in[0], []).append(timescale)
    for model_label, pointed in by_model.items():
        fields = [t.stored_in[1] for t in pointed]
        row = apps.get_model(model_label).objects.filter(board=board).values(*fields).first()
        for timescale in pointed if row else ():
            values[timescale.key] = row[timescale.stored_in[1]]
    return values


def value(board: "Board", key: str) -> int:
    """One timescale's value (a clock needing several reads `values_for` once)."""
    timescale = get(key)
    if timescale.stored_in:
        model_label, field = timescale.stored_in
        found = apps.get_model(model_label).objects.filter(board=board).values_list(field)
        row = found.first()
        return row[0] if row else timescale.default
    from .models import BoardTimescale

    found = BoardTimescale.objects.filter(board=board, key=key).values_list("value", flat=True)
    stored = found.first()
    return timescale.default if stored is None else stored
