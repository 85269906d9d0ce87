"""Audits: the list, each audit's record with its ratings as percentages of the sample,
and the forms to record an audit, its findings and its recommendations (which become
actions in the board's tracker). The quality assurance sub-group chair and the board
manager write; every board role reads."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from board.access import board_view
from board.models import ALL_ROLES, Role

from ..forms import audits as forms
from ..models import Audit
from ..selectors import audits as selectors
from ..services import audits as services
from .scr import board_url, form_page, save_form

WRITE = (Role.SUBGROUP_CHAIR, Role.BOARD_MANAGER)
AUDIT_FIELDS = sorted(services.AUDIT_FIELDS)


def audit_url(request: HttpRequest, audit: Audit) -> str:
    return reverse(
        "reviews:audit-detail", kwargs={"board_slug": request.board.slug, "audit_id": audit.pk}
    )


def audit_for(request: HttpRequest, audit_id) -> Audit:
    return get_object_or_404(Audit, board=request.board, pk=audit_id)


@board_view(*ALL_ROLES)
def audit_list(request: HttpRequest) -> HttpResponse:
    rows = [
        (audit, selectors.rating_rows(audit)) for audit in selectors.audits(board=request.board)
    ]
    context = {"rows": rows, "can_write": request.board_access.has_any(WRITE)}
    return render(request, "reviews/audits/audit_list.html", context)


@board_view(*ALL_ROLES)
def audit_detail(request: HttpRequest, audit_id) -> HttpResponse:
    audit = get_object_or_404(selectors.audit_with_details(board=request.board), pk=audit_id)
    recommendations = list(audit.recommendations.all())
    grouped = selectors.actions_for_recommendations(
        board=request.board, recommendations=recommendations
    )
    ratings = selectors.rating_rows(audit)
    context = {
        "audit": audit,
        "ratings": ratings,
        "rated": sum(row.count for row in ratings),
        "recommendations": [(rec, grouped.get(rec.pk, [])) for rec in recommendations],
        "can_write": request.board_access.has_any(WRITE),
    }
    return render(request, "reviews/audits/audit_detail.html", context)


@board_view(*WRITE)
def audit_create(request: HttpRequest) -> HttpResponse:
    levels = services.rating_levels(board=request.board)
    form = forms.audit_form(request.POST or None, levels=levels)
    created = {}

    def write(_data):
        created["audit"] = services.audit_create(board=request.board, **form.service_data())

    back = board_url(request, "audit-list")
    if request.method == "POST" and form.is_valid():
        done = save_form(request, form, write, "Audit recorded", back)
        if done is not None:
            done["Location"] = audit_url(request, created["audit"])
            return done
    return form_page(request, form, "Record an audit", back)


@board_view(*WRITE)
def audit_edit(request: HttpRequest, audit_id) -> HttpResponse:
    audit = audit_for(request, audit_id)
    levels = services.rating_levels(board=request.board)
    initial = {name: getattr(audit, name) for name in AUDIT_FIELDS}
    counts = {rating.level_id: rating.count for rating in audit.ratings.all()}
    initial.update({f"rating_{level.pk}": counts.get(level.pk, 0) for level in levels})
    form = forms.audit_form(request.POST or None, levels=levels, initial=initial)
    done = save_form(
        request,
        form,
        lambda _data: services.audit_update(audit=audit, **form.service_data()),
        f"{audit} saved",
        audit_url(request, audit),
    )
    return done or form_page(request, form, f"{audit}: details", audit_url(request, audit))


@board_view(*WRITE)
def finding_add(request: HttpRequest, audit_id) -> HttpResponse:
    audit = audit_for(request, audit_id)
    form = forms.FindingForm(request.POST or None)
    done = save_form(
        request,
        form,
        lambda data: services.audit_finding_add(audit=audit, **data),
        "Finding added",
        audit_url(request, audit),
    )
    return done or form_page(request, form, f"{audit}: add a finding", audit_url(request, audit))


@board_view(*WRITE)
def recommendation_add(request: HttpRequest, audit_id) -> HttpResponse:
    audit = audit_for(request, audit_id)
    form = forms.AuditRecommendationForm(request.POST or None, board=request.board)
    done = save_form(
        request,
        form,
        lambda data: services.audit_recommendation_create(
            audit=audit, created_by=request.user, **data
        ),
        "Recommendation added, with its action in the board's action tracker",
        audit_url(request, audit),
    )
    return done or form_page(
        request, form, f"{audit}: add a recommendation", audit_url(request, audit)
    )
