"""Every form of every app uses the shared number and date inputs (core/forms): no
browser `type=number` box (it submits a blank when letters are typed) and no `type=date`
box, and no required field says only "This field is required."."""

import importlib
import inspect
import pkgutil

import pytest
from crispy_forms.utils import render_crispy_form
from django import forms

from board.models import Action, AuditEntry, Meeting
from core.forms import DateField, NumberField
from reviews.assurance.models import Audit
from reviews.child_deaths.models import CdopCase

APPS = ["board", "subgroups", "datasets", "reviews", "reports", "api", "lscb", "core"]
FORBIDDEN_WIDGETS = (forms.NumberInput, forms.DateInput, forms.SelectDateWidget)


def our_form_classes() -> list[type]:
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in info.name and ".management" not in info.name:
                importlib.import_module(info.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for cls in todo.pop().__subclasses__():
            todo.append(cls)
            # Ours, or made by one of our factories (such as board.forms.records.model_form)
            if any(c.__module__.split(".")[0] in APPS for c in cls.__mro__):
                found.add(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


FORM_CLASSES = our_form_classes()


def test_the_scan_finds_the_forms():
    names = {cls.__name__ for cls in FORM_CLASSES}
    assert {"ExpenditureLineForm", "MeetingForm", "NotificationForm", "IndicatorForm"} <= names


@pytest.mark.parametrize("form_class", FORM_CLASSES, ids=lambda cls: cls.__qualname__)
def test_declared_fields_use_the_shared_inputs(form_class):
    for name, field in form_class.base_fields.items():
        assert not isinstance(field.widget, FORBIDDEN_WIDGETS), name
        if isinstance(field, forms.DateField | forms.MultiValueField):
            assert isinstance(field, DateField), name
        if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            assert isinstance(field.widget, forms.HiddenInput), name


@pytest.fixture
def arguments(board):
    """What the forms are given by their views, as far as a blank form needs it."""
    return {
        "board": board,
        "action": Action(board=board, description="Do it"),
        "case": CdopCase(board=board),
        "audit": Audit(board=board),
        "meeting": Meeting(board=board),
        "levels": [],
        "audits": Audit.objects.none(),
        "standards": [],
        "memberships": [],
        "entries": AuditEntry.objects.all(),
        "spec": {"questions": [], "actions": [], "indicators": []},
        "adding": True,
        "submit_label": "Save",
        "reason_label": "Reason",
    }


def build(form_class, arguments):
    wanted = {}
    for cls in form_class.__mro__:
        init = cls.__dict__.get("__init__")
        if init is None:
            continue
        for param in inspect.signature(init).parameters.values():
            if param.kind is param.KEYWORD_ONLY and param.default is param.empty:
                if param.name not in arguments:
                    return None
                wanted[param.name] = arguments[param.name]
    try:
        return form_class(**wanted)
    except (TypeError, ValueError):  # a base class, or needs a request: fields checked above
        return None


def test_no_form_renders_a_browser_number_or_date_input(arguments):
    rendered, problems = [], []
    for form_class in FORM_CLASSES:
        form = build(form_class, arguments)
        if form is None:
            continue
        where = f"{form_class.__module__}.{form_class.__qualname__}"
        html = render_crispy_form(form) if hasattr(form, "helper") else form.as_div()
        if 'type="number"' in html or 'type="date"' in html:
            problems.append(f"{where}: a browser number or date input")
        for name, field in form.fields.items():
            message = str(field.error_messages.get("required", ""))
            shown = field.required and not field.widget.is_hidden
            if shown and message == "This field is required.":
                problems.append(f"{where}.{name}: the required message names no field")
            named = field.label.split()[0].lower() in message.lower() if field.label else False
            if isinstance(field, NumberField | DateField) and not named:
                problems.append(f"{where}.{name}: {message!r} does not name the field")
        rendered.append(form_class.__name__)
    assert problems == []
    assert len(rendered) > 60, rendered


def bound(form_class, arguments, data):
    """The form as its view binds it to what was posted (None when it cannot be built)."""
    blank = build(form_class, arguments)
    if blank is None:
        return None
    wanted = {k: v for k, v in arguments.items() if k in _keyword_names(form_class)}
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if model is not None and any(f.name == "board" for f in model._meta.fields):
        # A model form is given a record of the board, as its view does.
        fields = {f.name for f in model._meta.fields}
        extra = {"year": 2014} if "year" in fields else {}  # a record kept by year
        wanted["instance"] = model(board=arguments["board"], **extra)
    try:
        return form_class(data, **wanted)
    except (TypeError, ValueError):
        return None


def _keyword_names(form_class) -> set[str]:
    names = set()
    for cls in form_class.__mro__:
        init = cls.__dict__.get("__init__")
        if init is not None:
            names |= {
                p.name
                for p in inspect.signature(init).parameters.values()
                if p.kind is p.KEYWORD_ONLY and p.default is p.empty
            }
    return names


def _messages(form) -> dict[str, list[str]]:
    try:
        form.is_valid()
    except Exception:  # noqa: BLE001 - a form that needs more than a blank post to clean
        return {}
    return {name: [str(m) for m in errors] for name, errors in form.errors.items()}


def test_no_radio_offers_a_blank_choice(arguments):
    """A radio button labelled "---------" (a model choice field's empty choice) is chosen
    by nobody and reads as nonsense."""
    problems = []
    for form_class in FORM_CLASSES:
        form = build(form_class, arguments)
        if form is None:
            continue
        for name, field in form.fields.items():
            if isinstance(field.widget, forms.RadioSelect):
                labels = [str(label) for _value, label in field.choices]
                if any(label.strip("-") == "" for label in labels):
                    problems.append(f"{form_class.__qualname__}.{name}: a blank radio")
    assert problems == []


@pytest.mark.django_db
def test_a_blank_or_negative_post_says_each_fault_once_and_names_the_field(arguments):
    """What a person sees after posting a form empty, or with -1 in every number box:
    no bare "This field is required." on a field they fill in (a hidden one is the
    page's), no message twice on one field, "an Excel workbook" (never "a Excel")."""
    import re

    problems = []
    for form_class in FORM_CLASSES:
        blank = build(form_class, arguments)
        if blank is None:
            continue
        negative = {name: "-1" for name, f in blank.fields.items() if isinstance(f, NumberField)}
        for data in ({}, negative):
            form = bound(form_class, arguments, data)
            if form is None:
                continue
            for name, messages in _messages(form).items():
                where = f"{form_class.__qualname__}.{name}"
                hidden = name in form.fields and form.fields[name].widget.is_hidden
                if "This field is required." in messages and not hidden:
                    problems.append(f"{where}: 'This field is required.'")
                if len(messages) != len(set(messages)):
                    problems.append(f"{where}: a message shown twice: {messages}")
                for message in messages:
                    if re.search(r"\ba [AEIOU]", message):
                        problems.append(f"{where}: {message!r}")
    assert problems == [], "\n".join(problems)
