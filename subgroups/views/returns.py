"""Quarterly returns: the chair fills in and submits; the manager approves, sends back or
unlocks; everyone who reads the board's business sees the result."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from board.access import board_view
from board.models import Role
from core.forms import FORM_PAGE
from core.years import latest_year, year_from_query

from .. import selectors
from ..forms.returns import ApproveForm, ReasonForm, ReturnForm
from ..models import QuarterlyReturn
from ..services import returns as services
from ..services.spec import figure_keys, spec_for
from ..services.validation import check, content_from_data, data_from_content, history
from .common import MANAGER, READERS, quarter_of, require_chair, return_url, subgroup_of

SHOW_LABELS = {
    selectors.DUE: "Due",
    selectors.OVERDUE: "Overdue",
    selectors.SENT_BACK: "Sent back to you",
    selectors.WITH_MANAGER: "With the board manager",
}


@board_view(Role.SUBGROUP_CHAIR)
def my_returns(request: HttpRequest) -> HttpResponse:
    """The returns due from this chair; ?show=due, overdue, sent_back or with_manager
    (the home page's links) shows only those, and any other value shows them all."""
    today = timezone.localdate()
    due = selectors.my_returns(request.board, request.user, today)
    show = request.GET.get("show", "")
    if show not in SHOW_LABELS:
        show = ""
    shown = [d for d in due if not show or selectors.standing(d, today) == show]
    context = {
        "due": shown,
        "today": today,
        "overdue": [d for d in due if d.is_overdue_on(today)],
        "show": show,
        "show_label": SHOW_LABELS.get(show, ""),
        "show_labels": SHOW_LABELS,
    }
    return render(request, "subgroups/my_returns.html", context)


@board_view(Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR)
def completeness(request: HttpRequest) -> HttpResponse:
    """The year's grid; ?awaiting=1 (the manager's home page link) lists above it every
    return, of any year, waiting for the manager's approval."""
    today = timezone.localdate()
    started = QuarterlyReturn.objects.filter(board=request.board).dates("period_start", "month")
    year = year_from_query(request, latest_year(started))
    awaiting = request.GET.get("awaiting") == "1"
    context = {
        "grid": selectors.completeness(request.board, year, today),
        "year": year,
        "awaiting": selectors.returns_awaiting_approval(request.board) if awaiting else None,
    }
    return render(request, "subgroups/completeness.html", context)


def _labels(spec: dict) -> dict[str, str]:
    """Content path -> what the person sees, for the conflict message."""
    labels = {f"questions.{q['id']}": q["text"] for q in spec["questions"]}
    for n, a in enumerate(spec["actions"], start=1):
        labels[f"actions.{a['id']}.status"] = f"Action {n}: status"
        labels[f"actions.{a['id']}.comment"] = f"Action {n}: progress"
    for indicator in spec["indicators"]:
        names = {c["id"]: c["label"] for b in indicator["breakdowns"] for c in b["categories"]}
        for key, category in figure_keys(indicator):
            suffix = f" ({names[category]})" if category else " (total)"
            labels[f"figures.{key}"] = indicator["name"] + suffix
        labels[f"comments.{indicator['id']}"] = f"{indicator['name']}: comment"
    return labels


def _flatten(content: dict) -> dict[str, str]:
    flat = {}
    for section, values in (content or {}).items():
        for key, value in values.items():
            if isinstance(value, dict):
                for part, text in value.items():
                    flat[f"{section}.{key}.{part}"] = text
            else:
                flat[f"{section}.{key}"] = value
    return flat


def conflicts(spec: dict, theirs: dict, yours: dict) -> list[tuple[str, str, str]]:
    saved, typed = _flatten(theirs), _flatten(yours)
    labels = _labels(spec)
    return [
        (labels[path], saved.get(path, ""), typed.get(path, ""))
        for path in labels
        if (saved.get(path) or "") != (typed.get(path) or "")
    ]


@board_view(Role.SUBGROUP_CHAIR)
def return_edit(request: HttpRequest, subgroup_id, quarter) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    quarter = quarter_of(quarter)
    require_chair(request, subgroup)
    r = services.return_get(subgroup, quarter)
    if not r.is_editable:
        messages.error(
            request,
            f"This return is {r.get_status_display().lower()} and cannot be changed"
            + (": ask the board manager to unlock it" if r.is_locked else ""),
        )
        return redirect(return_url(request, subgroup, quarter))
    spec = spec_for(r)
    past = history(request.board, spec, quarter.start)
    context = {"subgroup": subgroup, "quarter": quarter, "r": r, "due": _due(r)}
    if request.method != "POST":
        checked = check(spec, r.content or _empty(), submitting=False, past=past)
        initial = {**data_from_content(spec, r.content or {}), "version": r.version}
        form = ReturnForm(initial=initial, spec=spec, flags=checked.flags)
        return render(request, "subgroups/return_edit.html", {**context, "form": form})
    return _post(request, r, spec, past, context)


def _empty() -> dict:
    return {"questions": {}, "actions": {}, "figures": {}, "comments": {}}


def _due(r):
    return services.return_due_date(r)


def _post(request, r, spec, past, context) -> HttpResponse:
    subgroup, quarter = r.subgroup, r.quarter
    submitting = "submit" in request.POST
    content = content_from_data(spec, request.POST)
    checked = check(spec, content, submitting=submitting, past=past)
    form = ReturnForm(request.POST, spec=spec, flags=checked.flags)
    if form.is_valid() and checked.is_valid:
        save = services.quarterly_return_submit if submitting else services.quarterly_return_save
        try:
            save(
                subgroup=subgroup,
                quarter=quarter,
                content=content,
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except services.ReturnConflict as conflict:
            return _conflict(request, spec, content, conflict.current, context)
        except services.ReturnInvalid as invalid:
            checked = invalid.checked
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(return_url(request, subgroup, quarter))
        else:
            if submitting:
                messages.success(request, f"Return for {quarter.label} submitted to the board")
                return redirect(return_url(request, subgroup, quarter))
            messages.success(request, "Draft saved")
            return redirect(return_url(request, subgroup, quarter, "return-edit"))
    for name, message in checked.errors.items():
        form.add_error(name if name in form.fields else None, message)
    return render(request, "subgroups/return_edit.html", {**context, "form": form})


def _conflict(request, spec, content, current, context) -> HttpResponse:
    """Someone saved first: show what they saved beside what this person typed, keep the
    typed answers in the form, and let them save again over the newer version."""
    data = request.POST.copy()
    data["version"] = current.version
    form = ReturnForm(data, spec=spec)
    form.is_valid()
    changes = conflicts(spec, current.content, content)
    context = {**context, "form": form, "conflict": changes, "r": current}
    return render(request, "subgroups/return_edit.html", context, status=409)


@board_view(*READERS)
def return_detail(request: HttpRequest, subgroup_id, quarter) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    quarter = quarter_of(quarter)
    r = services.return_get(subgroup, quarter)
    spec = spec_for(r)
    content = r.content or _empty()
    context = {
        "subgroup": subgroup,
        "quarter": quarter,
        "r": r,
        "due": _due(r),
        "spec": spec,
        "answers": _answers(spec, content),
        "checked": check(spec, content, submitting=False),
        "events": r.events.select_related("by") if r.is_stored else [],
        "is_chair": services.is_chair_or_deputy(request.user, subgroup),
        "is_manager": request.board_access.is_manager,
    }
    return render(request, "subgroups/return_detail.html", context)


def _answers(spec: dict, content: dict) -> dict:
    actions = content.get("actions", {})
    figures = content.get("figures", {})
    return {
        "questions": [
            (q, content.get("questions", {}).get(q["id"], "")) for q in spec["questions"]
        ],
        "actions": [(a, actions.get(a["id"], {})) for a in spec["actions"]],
        "indicators": [
            (
                i,
                [(label, figures.get(key, "")) for key, label in _figure_rows(i)],
                content.get("comments", {}).get(i["id"], ""),
            )
            for i in spec["indicators"]
        ],
    }


def _figure_rows(indicator: dict) -> list[tuple[str, str]]:
    labels = {c["id"]: c["label"] for b in indicator["breakdowns"] for c in b["categories"]}
    return [(key, labels[c] if c else "Total") for key, c in figure_keys(indicator)]


def _manager_step(request, subgroup_id, quarter, *, form_class, action, done, title, **form_kw):
    subgroup = subgroup_of(request, subgroup_id)
    quarter = quarter_of(quarter)
    r = services.return_get(subgroup, quarter)
    back = return_url(request, subgroup, quarter)
    form = form_class(request.POST if request.method == "POST" else None, **form_kw)
    if request.method == "POST" and form.is_valid():
        try:
            if not r.is_stored:
                raise ValidationError("This return has not been started")
            action(quarterly_return=r, by=request.user, **form.cleaned_data)
        except PermissionDenied:
            raise
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, done)
            return redirect(back)
    context = {"form": form, "page_title": title, "back_url": back, "r": r, "quarter": quarter}
    return render(request, FORM_PAGE, {**context, "subgroup": subgroup})


@board_view(*MANAGER)
def return_approve(request: HttpRequest, subgroup_id, quarter) -> HttpResponse:
    return _manager_step(
        request,
        subgroup_id,
        quarter,
        form_class=ApproveForm,
        action=services.quarterly_return_approve,
        done="Return approved and locked; its figures are now in the dataset",
        title="Approve this return",
    )


@board_view(*MANAGER)
def return_send_back(request: HttpRequest, subgroup_id, quarter) -> HttpResponse:
    return _manager_step(
        request,
        subgroup_id,
        quarter,
        form_class=ReasonForm,
        action=services.quarterly_return_send_back,
        done="Return sent back to the sub-group for amendment",
        title="Return for amendment",
        submit_label="Return for amendment",
        reason_label="What needs to change",
    )


@board_view(*MANAGER)
def return_unlock(request: HttpRequest, subgroup_id, quarter) -> HttpResponse:
    return _manager_step(
        request,
        subgroup_id,
        quarter,
        form_class=ReasonForm,
        action=services.quarterly_return_unlock,
        done="Return unlocked and sent back to the sub-group for amendment",
        title="Unlock this approved return",
        submit_label="Unlock the return",
        reason_label="Why it must be unlocked",
    )
