"""Report templates: the list, copying one (named by the manager), the template's page
(its sections, added where they go and dragged into order), its settings, and the
template as a file to download or import."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from board.access import board_view
from board.models import Role
from core.forms import apply_errors, form_page, save_form
from core.links import board_url
from core.lookups import or_404

from .. import services, template_files
from ..builtin import BUILTIN_TEMPLATES
from ..forms import SectionAddForm, TemplateCopyForm, TemplateForm, TemplateImportForm
from ..sections import registry
from ..selectors import template_for

MANAGER = Role.BOARD_MANAGER


def template_url(request: HttpRequest, template) -> str:
    return board_url(request, "reports:template", template_id=template.id)


@board_view(MANAGER)
def template_list(request: HttpRequest) -> HttpResponse:
    templates = request.board.reports_reporttemplate_set.all()
    context = {"builtins": BUILTIN_TEMPLATES, "templates": templates}
    return render(request, "reports/template_list.html", context)


@board_view(MANAGER)
def template_copy_builtin(request: HttpRequest, key: str) -> HttpResponse:
    if key not in BUILTIN_TEMPLATES:
        raise Http404("No such built-in template")
    builtin = BUILTIN_TEMPLATES[key]
    return _copy(request, builtin["name"], builtin["description"], key=key)


@board_view(MANAGER)
def template_copy(request: HttpRequest, template_id) -> HttpResponse:
    template = or_404(template_for, board=request.board, template_id=template_id)
    return _copy(request, template.name, template.description, template=template)


def _copy(request: HttpRequest, original: str, description: str, key=None, template=None):
    form = TemplateCopyForm(request.POST or None, initial={"description": description})
    if request.method == "POST" and form.is_valid():
        fields = {
            "name": form.cleaned_data["name"],
            "description": form.cleaned_data["description"],
        }
        try:
            if key:
                copy = services.template_copy_builtin(board=request.board, key=key, **fields)
            else:
                copy = services.template_copy(template=template, **fields)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Template “{copy.name}” created.")
            return redirect(template_url(request, copy))
    back = board_url(request, "reports:templates")
    return form_page(request, form, f"Copy “{original}”", back)


@board_view(MANAGER)
def template_detail(request: HttpRequest, template_id) -> HttpResponse:
    """The one place a template is edited: its sections in order (dragged, or moved with
    the buttons), a section added where it goes, its settings and its file."""
    template = or_404(template_for, board=request.board, template_id=template_id)
    sections = list(template.sections.order_by("order", "created_at"))
    add_form = SectionAddForm(sections=sections)
    add_form.helper.form_action = board_url(
        request, "reports:template-section-add", template_id=template.id
    )
    context = {"owner": template, "sections": sections, "types": registry.types(),
               "add_form": add_form}  # fmt: skip
    return render(request, "reports/template_detail.html", context)


@board_view(MANAGER)
def template_edit(request: HttpRequest, template_id) -> HttpResponse:
    template = or_404(template_for, board=request.board, template_id=template_id)
    fields = ("name", "description", "report_title", "report_subtitle")
    form = TemplateForm(request.POST or None, initial={f: getattr(template, f) for f in fields})
    back = template_url(request, template)
    saved = save_form(
        request, form, lambda data: services.template_update(template=template, **data),
        "Template saved.", back,
    )  # fmt: skip
    return saved or form_page(request, form, f"Settings of “{template.name}”", back)


@board_view(MANAGER)
def template_export(request: HttpRequest, template_id) -> HttpResponse:
    template = or_404(template_for, board=request.board, template_id=template_id)
    response = HttpResponse(template_files.template_file(template),
                            content_type="application/json; charset=utf-8")  # fmt: skip
    disposition = f'attachment; filename="{template_files.file_name(template)}"'
    response["Content-Disposition"] = disposition
    return response


@board_view(MANAGER)
def template_import(request: HttpRequest) -> HttpResponse:
    form = TemplateImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.template_import(
                board=request.board, content=form.cleaned_data["file"].read(),
                name=form.cleaned_data["name"],
            )  # fmt: skip
        except ValidationError as error:
            _file_errors(form, error)
        else:
            messages.success(request, f"Template “{template.name}” imported.")
            return redirect(template_url(request, template))
    back = board_url(request, "reports:templates")
    return form_page(request, form, "Import a report template", back)


def _file_errors(form, error: ValidationError) -> None:
    """A name already taken is the name's problem; everything else the file's, each
    section's problem listed in the error summary."""
    if hasattr(error, "error_dict"):
        apply_errors(form, error)
        return
    for message in error.messages:
        form.add_error("file", message)
