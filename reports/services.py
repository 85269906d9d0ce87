"""Writes for report templates, sections and the annual report (keyword-only, validated,
atomic). Rendering and versions are in reports/versions.py; checks in reports/checks.py."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from board.models import Board, User
from core.periods import FinancialYear

from . import notices, template_files
from .builtin import BUILTIN_TEMPLATES
from .models import (
    AnnualReport,
    CheckAcceptance,
    ReportKind,
    ReportState,
    ReportTemplate,
    Section,
)


def _unique_name(board: Board, name: str) -> str:
    taken = set(ReportTemplate.objects.filter(board=board).values_list("name", flat=True))
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def _expand(board: Board, entries) -> list[dict]:
    """Built-in entries with "one per sub-group" expanded for this board."""
    from django.apps import apps

    subgroup_model = apps.get_model("subgroups", "SubGroup")
    result = []
    for section_type, title, config in entries:
        if config.get("each") and section_type == "subgroup_report":
            for subgroup in subgroup_model.objects.filter(board=board).order_by("name"):
                result.append(_entry(section_type, subgroup.name, {"subgroup": subgroup.name}))
        else:
            result.append(_entry(section_type, title, dict(config)))
    return result


def _entry(section_type: str, title: str, config: dict, new_page: bool = True) -> dict:
    return {"section_type": section_type, "title": title, "config": config,
            "new_page": new_page}  # fmt: skip


def _entries_of(owner) -> list[dict]:
    """A template's (or report's) sections as entries to copy: their type, title,
    settings and page break, never their text or author."""
    return [
        _entry(s.section_type, s.title, dict(s.config), s.new_page)
        for s in owner.sections.order_by("order", "created_at")
    ]


def _create_sections(*, board: Board, entries: list[dict], **owner) -> None:
    for order, entry in enumerate(entries, 1):
        section = Section(board=board, order=order, **entry, **owner)
        section.full_clean()
        section.save()


def _new_template(board: Board, name: str, **fields) -> ReportTemplate:
    template = ReportTemplate(board=board, name=name.strip(), **fields)
    if ReportTemplate.objects.filter(board=board, name=template.name).exists():
        raise ValidationError({"name": "Your board already has a template with this name: "
                                       "choose another"})  # fmt: skip
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def template_copy_builtin(*, board: Board, key: str, name: str = "",
                          description: str | None = None) -> ReportTemplate:  # fmt: skip
    """The board's own copy of a built-in template. Named by the manager (a name already
    taken is refused); with no name (demo data, tests) the built-in's, made unique."""
    builtin = BUILTIN_TEMPLATES.get(key)
    if builtin is None:
        raise ValidationError("Choose one of the built-in templates.")
    template = _new_template(
        board, name or _unique_name(board, builtin["name"]),
        description=builtin["description"] if description is None else description,
        kind=builtin.get("kind", ReportKind.ANNUAL),
    )  # fmt: skip
    _create_sections(board=board, entries=_expand(board, builtin["sections"]), template=template)
    return template


@transaction.atomic
def template_copy(*, template: ReportTemplate, name: str = "",
                  description: str | None = None) -> ReportTemplate:  # fmt: skip
    board = template.board
    copy = _new_template(
        board, name or _unique_name(board, f"Copy of {template}"),
        description=template.description if description is None else description,
        report_title=template.report_title, report_subtitle=template.report_subtitle,
        kind=template.kind,
    )  # fmt: skip
    _create_sections(board=board, entries=_entries_of(template), template=copy)
    return copy


@transaction.atomic
def template_import(*, board: Board, content: bytes, name: str = "") -> ReportTemplate:
    """A new template of the board from a file (reports/template_files.py), read and
    checked first; `name` replaces the file's, which must not be one the board has."""
    data = template_files.read(content)
    template = _new_template(
        board, name.strip() or data["name"],
        description=data.get("description", ""), report_title=data.get("report_title", ""),
        report_subtitle=data.get("report_subtitle", ""), kind=data["kind"],
    )  # fmt: skip
    entries = [
        _entry(s["type"], s["title"].strip(), dict(s.get("config", {})), s.get("new_page", True))
        for s in data["sections"]
    ]
    _create_sections(board=board, entries=entries, template=template)
    return template


# What "layout" on the template's settings page does to every section's page break.
LAYOUTS = {"new_page": True, "flow": False}


@transaction.atomic
def template_update(*, template: ReportTemplate, name: str, description: str = "",
                    report_title: str = "", report_subtitle: str = "",
                    layout: str = "") -> ReportTemplate:  # fmt: skip
    """Rename the template and set what its reports are called; `layout` ("new_page" or
    "flow", empty to leave them) sets every section's page break at once."""
    name = name.strip()
    taken = ReportTemplate.objects.filter(board=template.board, name=name)
    if taken.exclude(pk=template.pk).exists():
        raise ValidationError({"name": "Your board already has a template with this name: "
                                       "choose another"})  # fmt: skip
    template.name, template.description = name, description.strip()
    template.report_title, template.report_subtitle = report_title.strip(), report_subtitle.strip()
    template.full_clean()
    template.save()
    if layout:
        for section in template.sections.exclude(new_page=LAYOUTS[layout]):
            section.new_page = LAYOUTS[layout]
            section.save(update_fields=["new_page", "updated_at"])
    return template


def _check_editable(owner) -> None:
    if isinstance(owner, AnnualReport) and owner.is_locked:
        raise PermissionDenied("The report is approved: its sections are locked.")


@transaction.atomic
def section_add(
    *, owner, section_type: str, title: str, config: dict | None = None,
    position: int | None = None, new_page: bool = True,
) -> Section:  # fmt: skip
    """A new section at `position` (how many sections come before it: 0 for the start;
    None for the end)."""
    _check_editable(owner)
    last = owner.sections.aggregate(last=Max("order"))["last"] or 0
    key = "report" if isinstance(owner, AnnualReport) else "template"
    section = Section(
        board=owner.board,
        order=last + 1,
        section_type=section_type,
        title=title,
        config=config or {},
        new_page=new_page,
        **{key: owner},
    )
    section.full_clean()
    section.save()
    if position is not None:
        _place(section, position)
    return section


def _place(section: Section, position: int) -> None:
    """Number the owner's sections 1, 2, ... with `section` after `position` others."""
    siblings = list(section.owner.sections.select_for_update().order_by("order", "created_at"))
    siblings.remove(section)
    siblings.insert(max(0, min(position, len(siblings))), section)
    for order, sibling in enumerate(siblings, 1):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order", "updated_at"])


@transaction.atomic
def section_move(*, section: Section, up: bool) -> None:
    """One place up or down (the buttons of the sections' table)."""
    _check_editable(section.owner)
    siblings = list(section.owner.sections.order_by("order", "created_at"))
    index = siblings.index(section)
    _place(section, index - 1 if up else index + 1)


@transaction.atomic
def section_place(*, section: Section, position: int) -> None:
    """To `position` (how many sections come before it): a section dragged, or moved
    with its edit page's position field."""
    _check_editable(section.owner)
    _place(section, position)


@transaction.atomic
def section_remove(*, section: Section) -> None:
    _check_editable(section.owner)
    section.delete()


@transaction.atomic
def section_update(*, section: Section, position: int | None = None, **fields) -> Section:
    """Set the fields given (type, title, settings, page break, author, text) and, with
    `position`, move it there (how many sections come before it)."""
    _check_editable(section.owner)
    author_before = (
        Section.objects.filter(pk=section.pk).values_list("author_id", flat=True).first()
    )
    for name, value in fields.items():
        setattr(section, name, value)
    section.full_clean()
    section.save()
    if position is not None:
        _place(section, position)
    notices.section_assigned(section, author_before)
    return section


@transaction.atomic
def report_create(
    *, board: Board, year: FinancialYear, template: ReportTemplate, title: str = "",
    subtitle: str | None = None,
) -> AnnualReport:  # fmt: skip
    """The year's report, its sections copied from the template and its title and
    subtitle the template's (or "<board> Annual Review <year>") unless given."""
    if template.board_id != board.id:
        raise ValidationError("Choose a template of this board.")
    if AnnualReport.objects.filter(board=board, start_year=year.start_year).exists():
        raise ValidationError(f"The board already has a report for {year.label}.")
    what = "Yearly Report" if template.kind == ReportKind.PARTNERSHIP else "Annual Review"
    report = AnnualReport(
        board=board,
        start_year=year.start_year,
        title=title or template.report_title or f"{board.name} {what} {year.label}",
        subtitle=template.report_subtitle if subtitle is None else subtitle,
        kind=template.kind,
    )
    report.full_clean()
    report.save()
    _create_sections(board=board, entries=_entries_of(template), report=report)
    return report


@transaction.atomic
def report_titles_set(*, report: AnnualReport, title: str, subtitle: str = "") -> AnnualReport:
    """The title and subtitle printed on the cover and the contents."""
    if report.is_locked:
        raise PermissionDenied("The report is approved: its title is locked.")
    report.title, report.subtitle = title.strip(), subtitle.strip()
    report.full_clean()
    report.save(update_fields=["title", "subtitle", "updated_at"])
    return report


TRANSITIONS = {
    ReportState.DRAFTING: {ReportState.IN_REVIEW},
    ReportState.IN_REVIEW: {ReportState.DRAFTING, ReportState.APPROVED},
    ReportState.APPROVED: {ReportState.PUBLISHED, ReportState.DRAFTING},
    ReportState.PUBLISHED: set(),
}


@transaction.atomic
def report_transition(*, report: AnnualReport, to: str, by: User) -> AnnualReport:
    from .checks import outstanding_problems
    from .yearly.checklist import publication_missing

    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if to not in TRANSITIONS[ReportState(report.state)]:
        raise ValidationError(
            f"A report that is {report.get_state_display().lower()} cannot move to "
            f"{ReportState(to).label.lower()}."
        )
    if to == ReportState.APPROVED and outstanding_problems(report):
        raise ValidationError(
            "Resolve or accept every consistency problem before the report is approved."
        )
    if to == ReportState.PUBLISHED and (missing := publication_missing(report)):
        raise ValidationError(f"Before the report is published: {'; '.join(missing)}.")
    report.state = to
    if to == ReportState.APPROVED:
        report.approved_by, report.approved_at = by, timezone.now()
    if to == ReportState.PUBLISHED:
        report.published_at = timezone.now()
    if to == ReportState.DRAFTING:
        report.approved_by, report.approved_at = None, None
    report.full_clean()
    report.save()
    notices.report_moved(report, by)
    if to == ReportState.PUBLISHED and report.is_partnership_yearly:
        notices.send_on_due(report)
    return report


@transaction.atomic
def problems_accept(
    *, report: AnnualReport, keys: list[str], reason: str, by: User
) -> list[CheckAcceptance]:
    """Accept the problems named by `keys` with one reason (the manager's call, checked by
    the page). Each key must be a problem found now: a problem resolved or changed since
    the page was shown names nothing to accept."""
    from .checks import acceptable, find_problems, problems_gone

    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.is_locked:
        raise ValidationError("The report is approved: its problems can no longer be accepted.")
    if not keys:
        raise ValidationError({"problems": "Choose at least one problem to accept"})
    if not reason.strip():
        raise ValidationError({"reason": "Enter the reason for accepting the problems"})
    problems = find_problems(report)
    if any(p.key in keys and not acceptable(p) for p in problems):
        raise ValidationError({"problems": "The lead partners' sign-off and the scrutineer's "
                               "assessment cannot be accepted: record them"})  # fmt: skip
    found = {problem.key for problem in problems}
    gone = [key for key in keys if key not in found]
    if gone:
        raise ValidationError({"problems": problems_gone(len(gone))})
    existing = {a.key: a for a in report.acceptances.filter(key__in=keys)}
    accepted = []
    for key in dict.fromkeys(keys):
        acceptance = existing.get(key) or CheckAcceptance(
            board=report.board, report=report, key=key
        )
        acceptance.reason, acceptance.accepted_by = reason.strip(), by
        acceptance.full_clean()
        acceptance.save()
        accepted.append(acceptance)
    return accepted
