"""Sections of a template or a report: add one where it goes, remove, reorder, change its
type, title, settings and page break; write a section's text and preview it. The
template's own pages are in template_pages.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.confirm import confirm_page
from core.forms import apply_errors, form_page, save_form
from core.links import board_url
from core.lookups import or_404

from .. import services
from ..forms import NarrativeForm, ReportTitlesForm, SectionAddForm, SectionForm
from ..rendering import gather_section, render_section_html
from ..sections import registry
from ..selectors import may_write, reads_drafts, report_for, section_for, template_for

MANAGER = Role.BOARD_MANAGER


def owner_url(request: HttpRequest, owner) -> str:
    if hasattr(owner, "start_year"):
        return board_url(request, "reports:report", year=owner.year.slug)
    return board_url(request, "reports:template", template_id=owner.id)


# Why a change to an approved report is refused, said where the change was asked for.
LOCKED = "The report is approved, so its sections are locked"
ASK_TO_UNLOCK = "the board manager can return it to drafting to change them"
NOT_SAVED = "Your text has not been saved: copy it before you leave this page."


def _is_locked(owner) -> bool:
    return getattr(owner, "is_locked", False)


def _locked_refusal(request: HttpRequest, owner) -> HttpResponse:
    """A control that an approved report no longer offers, reached all the same (an old
    page, a second tab): back to the report, saying why nothing changed."""
    messages.error(request, f"{LOCKED}: {ASK_TO_UNLOCK}.")
    return redirect(owner_url(request, owner))


def _refused(request: HttpRequest, form, why: str, template: str, context: dict):
    """A save refused (the report approved meanwhile, or the role gone): the form again,
    with everything typed and the reason, never a bare 403 that loses the text."""
    form.is_valid()  # bound to what was posted, so it is shown again as typed
    field = "narrative" if "narrative" in form.fields else None
    form.add_error(field, f"{why}. {NOT_SAVED}")
    return render(request, template, context, status=403)


@board_view(MANAGER)
def section_add(request: HttpRequest, template_id=None, year=None) -> HttpResponse:
    if template_id:
        owner = or_404(template_for, board=request.board, template_id=template_id)
    else:
        owner = or_404(report_for, board=request.board, year=year)
    if _is_locked(owner):
        return _locked_refusal(request, owner)
    sections = list(owner.sections.order_by("order", "created_at"))
    form = SectionAddForm(request.POST or None, sections=sections)
    if request.method == "POST" and form.is_valid():
        section = services.section_add(
            owner=owner, section_type=form.cleaned_data["section_type"],
            title=form.cleaned_data["title"], **form.placement(),
        )  # fmt: skip
        messages.success(request, f"Section “{section.title}” added.")
        return redirect(owner_url(request, owner))
    context = {"form": form, "page_title": "Add a section", "back_url": owner_url(request, owner)}
    return render(request, "includes/form_page.html", context)


@board_view(MANAGER)
def section_edit(request: HttpRequest, section_id) -> HttpResponse:
    section = or_404(section_for, board=request.board, section_id=section_id)
    in_report = section.report_id is not None
    if _is_locked(section.owner) and request.method != "POST":
        return _locked_refusal(request, section.owner)
    initial = {"title": section.title, "author": section.author_id, "narrative": section.narrative}
    form = SectionForm(
        request.POST or None, initial=initial, section=section, board=request.board,
        in_report=in_report,
    )  # fmt: skip
    context = {"form": form, "page_title": f"Edit “{section.title}”",
               "back_url": owner_url(request, section.owner)}  # fmt: skip
    if request.method == "POST" and _is_locked(section.owner):
        return _refused(request, form, LOCKED, "includes/form_page.html", context)
    if request.method == "POST" and form.is_valid():
        before = section.section_type
        fields = {"section_type": form.chosen_type(section),
                  "title": form.cleaned_data["title"], "config": form.config(section),
                  **form.placement()}  # fmt: skip
        if in_report:
            fields.update(author=form.cleaned_data["author"],
                          narrative=form.cleaned_data["narrative"])  # fmt: skip
        if _save(request, form, section, fields):
            if section.section_type != before and registry.get(section.section_type).config_fields:
                # The new type's settings: on this page again, where its fields now are.
                return redirect(board_url(request, "reports:section-edit", section_id=section.id))
            return redirect(owner_url(request, section.owner) + f"#s-{section.id}")
    return render(request, "includes/form_page.html", context)


def _save(request: HttpRequest, form, section, fields: dict) -> bool:
    """Saved, or the service's refusal (such as an image from elsewhere in the text, or
    the report approved a moment ago) shown on the form with nothing typed lost."""
    try:
        services.section_update(section=section, **fields)
    except ValidationError as error:
        section.refresh_from_db()
        apply_errors(form, error)
        return False
    except PermissionDenied:
        section.refresh_from_db()
        form.add_error("narrative" if "narrative" in form.fields else None,
                       f"{LOCKED}. {NOT_SAVED}")  # fmt: skip
        return False
    messages.success(request, f"Section “{section.title}” saved.")
    return True


@require_POST
@board_view(MANAGER)
def section_move(request: HttpRequest, section_id) -> HttpResponse:
    section = or_404(section_for, board=request.board, section_id=section_id)
    if _is_locked(section.owner):
        return _locked_refusal(request, section.owner)
    position = request.POST.get("position", "")
    if position:  # dragged into place (static/js/section-order.mjs)
        if not position.isdigit():
            messages.error(request, "The section was not moved: its new place was not a number.")
            return redirect(owner_url(request, section.owner))
        services.section_place(section=section, position=int(position))
        messages.success(request, f"Section “{section.title}” moved.")
    else:
        services.section_move(section=section, up=request.POST.get("direction") == "up")
    return redirect(owner_url(request, section.owner) + f"#s-{section.id}")


@board_view(MANAGER)
def section_remove(request: HttpRequest, section_id) -> HttpResponse:
    section = or_404(section_for, board=request.board, section_id=section_id)
    back = owner_url(request, section.owner)
    if _is_locked(section.owner):
        return _locked_refusal(request, section.owner)
    if request.method == "POST":
        services.section_remove(section=section)
        messages.success(request, f"Section “{section.title}” removed.")
        return redirect(back)
    return confirm_page(
        request,
        title=f"Remove “{section.title}”?",
        text="The section and any text written in it will be removed.",
        button="Remove section",
        back_url=back,
        warning="",
    )


@board_view(*ALL_ROLES)
def section_write(request: HttpRequest, section_id) -> HttpResponse:
    """The author (or the manager) writes the section's text, with a preview. A save
    that cannot be kept (the report approved meanwhile, or the section given to someone
    else) shows the text again with the reason."""
    section = or_404(section_for, board=request.board, section_id=section_id)
    if section.report_id is None:
        raise PermissionDenied("Only a report's sections have text to write.")
    writes = may_write(access=request.board_access, section=section)
    locked = section.report.is_locked
    if request.method != "POST":
        if not writes:
            raise PermissionDenied("Only the section's author or the board manager writes it.")
        if locked:
            messages.error(request, f"{LOCKED}: {ASK_TO_UNLOCK}.")
            return redirect(board_url(request, "reports:section-preview", section_id=section.id))
    section_type = registry.get(section.section_type)
    form = NarrativeForm(request.POST or None, initial={"narrative": section.narrative},
                         help_text=section_type.narrative_help)  # fmt: skip
    back = board_url(request, "reports:report", year=section.report.year.slug)
    context = {"form": form, "section": section, "back_url": back,
               "section_type": section_type, "page_title": f"Write “{section.title}”"}  # fmt: skip
    if request.method == "POST" and (locked or not writes):
        why = LOCKED if locked else _not_yours(section)
        return _refused(request, form, why, "reports/section_write.html", context)
    saved = request.method == "POST" and form.is_valid()
    if saved and _save(request, form, section, {"narrative": form.cleaned_data["narrative"]}):
        return redirect(board_url(request, "reports:section-preview", section_id=section.id))
    return render(request, "reports/section_write.html", context)


def _not_yours(section) -> str:
    author = f" ({section.author.full_name})" if section.author_id else ""
    return f"Only the section's author{author} or the board manager can save its text"


@board_view(*ALL_ROLES)
def section_preview(request: HttpRequest, section_id) -> HttpResponse:
    """The section as it will print, from today's records."""
    section = or_404(section_for, board=request.board, section_id=section_id)
    if section.report_id is None:
        raise Http404("Templates have no content to preview")
    access = request.board_access
    if not (reads_drafts(access=access) or may_write(access=access, section=section)):
        raise PermissionDenied("Drafts are for the board manager, the chair and the author.")
    report = section.report
    item = gather_section(report, section, number=0)
    context = {
        "section": section, "report": report, "html": render_section_html(report, item),
        "may_write": may_write(access=access, section=section) and not report.is_locked,
        "back_url": board_url(request, "reports:report", year=report.year.slug),
    }  # fmt: skip
    return render(request, "reports/section_preview.html", context)


@board_view(MANAGER)
def report_titles(request: HttpRequest, year: str) -> HttpResponse:
    """The report's title and subtitle (first the template's), printed on the cover and
    the contents."""
    report = or_404(report_for, board=request.board, year=year)
    if report.is_locked:
        return _locked_refusal(request, report)
    initial = {"title": report.title, "subtitle": report.subtitle}
    form = ReportTitlesForm(request.POST or None, initial=initial)
    back = owner_url(request, report)
    saved = save_form(
        request, form, lambda data: services.report_titles_set(report=report, **data),
        "The report's title is saved.", back,
    )  # fmt: skip
    return saved or form_page(request, form, "The report's title", back)
