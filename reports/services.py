"""Writes for report templates, sections and the annual report (keyword-only, validated,
atomic). Rendering and versions are in reports/versions.py; checks in reports/checks.py."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from board.models import Board, User
from core.periods import FinancialYear

from . import notices
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


def _expand(board: Board, entries) -> list[tuple[str, str, dict]]:
    """Built-in entries with "one per sub-group" expanded for this board."""
    from django.apps import apps

    subgroup_model = apps.get_model("subgroups", "SubGroup")
    result = []
    for section_type, title, config in entries:
        if config.get("each") and section_type == "subgroup_report":
            for subgroup in subgroup_model.objects.filter(board=board).order_by("name"):
                result.append((section_type, subgroup.name, {"subgroup": subgroup.name}))
        else:
            result.append((section_type, title, dict(config)))
    return result


def _create_sections(*, board: Board, entries, **owner) -> None:
    for order, (section_type, title, config, *rest) in enumerate(entries, 1):
        section = Section(
            board=board,
            order=order,
            section_type=section_type,
            title=title,
            config=config,
            narrative=rest[0] if rest else "",
            author=rest[1] if len(rest) > 1 else None,
            **owner,
        )
        section.full_clean()
        section.save()


@transaction.atomic
def template_copy_builtin(*, board: Board, key: str, name: str = "") -> ReportTemplate:
    builtin = BUILTIN_TEMPLATES.get(key)
    if builtin is None:
        raise ValidationError("Choose one of the built-in templates.")
    template = ReportTemplate(
        board=board,
        name=_unique_name(board, name or builtin["name"]),
        description=builtin["description"],
        kind=builtin.get("kind", ReportKind.ANNUAL),
    )
    template.full_clean()
    template.save()
    _create_sections(board=board, entries=_expand(board, builtin["sections"]), template=template)
    return template


@transaction.atomic
def template_copy(*, template: ReportTemplate, name: str = "") -> ReportTemplate:
    copy = ReportTemplate(
        board=template.board,
        name=_unique_name(template.board, name or f"Copy of {template}"),
        description=template.description,
        kind=template.kind,
    )
    copy.full_clean()
    copy.save()
    entries = [(s.section_type, s.title, s.config) for s in template.sections.all()]
    _create_sections(board=template.board, entries=entries, template=copy)
    return copy


def _check_editable(owner) -> None:
    if isinstance(owner, AnnualReport) and owner.is_locked:
        raise PermissionDenied("The report is approved: its sections are locked.")


@transaction.atomic
def section_add(*, owner, section_type: str, title: str, config: dict | None = None) -> Section:
    _check_editable(owner)
    last = owner.sections.aggregate(last=Max("order"))["last"] or 0
    key = "report" if isinstance(owner, AnnualReport) else "template"
    section = Section(
        board=owner.board,
        order=last + 1,
        section_type=section_type,
        title=title,
        config=config or {},
        **{key: owner},
    )
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def section_move(*, section: Section, up: bool) -> None:
    _check_editable(section.owner)
    siblings = list(section.owner.sections.select_for_update().order_by("order", "created_at"))
    index = siblings.index(section)
    other = index - 1 if up else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, 1):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order", "updated_at"])


@transaction.atomic
def section_remove(*, section: Section) -> None:
    _check_editable(section.owner)
    section.delete()


@transaction.atomic
def section_update(*, section: Section, **fields) -> Section:
    _check_editable(section.owner)
    author_before = (
        Section.objects.filter(pk=section.pk).values_list("author_id", flat=True).first()
    )
    for name, value in fields.items():
        setattr(section, name, value)
    section.full_clean()
    section.save()
    notices.section_assigned(section, author_before)
    return section


@transaction.atomic
def report_create(
    *, board: Board, year: FinancialYear, template: ReportTemplate, title: str = ""
) -> AnnualReport:
    if template.board_id != board.id:
        raise ValidationError("Choose a template of this board.")
    if AnnualReport.objects.filter(board=board, start_year=year.start_year).exists():
        raise ValidationError(f"The board already has a report for {year.label}.")
    what = "Yearly Report" if template.kind == ReportKind.PARTNERSHIP else "Annual Review"
    report = AnnualReport(
        board=board,
        start_year=year.start_year,
        title=title or f"{board.name} {what} {year.label}",
        kind=template.kind,
    )
    report.full_clean()
    report.save()
    entries = [(s.section_type, s.title, s.config) for s in template.sections.all()]
    _create_sections(board=board, entries=entries, report=report)
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
