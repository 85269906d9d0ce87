"""Audits: the list, each audit's record with its ratings as percentages of the sample,
and the forms to record an audit, its findings and its recommendations (which become
actions in the board's tracker). The quality assurance sub-group chair and the board
manager write; every board role reads."""

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.forms import form_page, save_form
from core.links import board_url
from core.paging import paginate

from ..forms import audits as forms
from ..models import Audit, RatingLevel
from ..selectors import audits as selectors
from ..services import audits as services

WRITE = (Role.SUBGROUP_CHAIR, Role.BOARD_MANAGER)
PER_PAGE = 25
AUDIT_FIELDS = sorted(services.AUDIT_FIELDS)


def audit_url(request: HttpRequest, audit: Audit) -> str:
    return board_url(request, "assurance:audit-detail", audit_id=audit.pk)


def audit_for(request: HttpRequest, audit_id) -> Audit:
    return get_object_or_404(Audit, board=request.board, pk=audit_id)


@board_view(*ALL_ROLES)
def audit_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.audits(board=request.board), PER_PAGE)
    rows = [(audit, selectors.rating_rows(audit)) for audit in page]
    context = {
        "rows": rows,
        "page": page,
        "can_write": request.board_access.has_any(WRITE),
        "can_edit_scale": request.board_access.is_manager,
    }
    return render(request, "assurance/audits/audit_list.html", context)


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
        "reaudits": list(audit.reaudits.all()),
        "can_write": request.board_access.has_any(WRITE),
    }
    return render(request, "assurance/audits/audit_detail.html", context)


@board_view(*WRITE)
def audit_create(request: HttpRequest) -> HttpResponse:
    levels = services.rating_levels(board=request.board)
    form = forms.audit_form(request.POST or None, levels=levels, board=request.board)
    created = {}

    def write(_data):
        created["audit"] = services.audit_create(board=request.board, **form.service_data())

    back = board_url(request, "assurance:audit-list")
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
    form = forms.audit_form(
        request.POST or None, levels=levels, board=request.board, audit=audit, initial=initial
    )
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
    form = forms.AuditRecommendationForm(
        request.POST or None, audit=audit, initial=_from_finding(audit, request.GET.get("finding"))
    )
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


def _from_finding(audit: Audit, finding_id: str | None) -> dict:
    """Start a recommendation from one of the audit's findings (the "make this finding an
    action" link); an unknown or foreign id just starts an empty form."""
    finding = audit.findings.filter(pk=finding_id).first() if _is_uuid(finding_id) else None
    return {"finding": finding, "text": finding.text} if finding else {}


def _is_uuid(value: str | None) -> bool:
    try:
        UUID(str(value))
    except ValueError:
        return False
    return True


@board_view(Role.BOARD_MANAGER)
def rating_scale(request: HttpRequest) -> HttpResponse:
    context = {"levels": selectors.rating_scale(board=request.board)}
    return render(request, "assurance/audits/rating_scale.html", context)


@board_view(Role.BOARD_MANAGER)
def rating_level_add(request: HttpRequest) -> HttpResponse:
    return _rating_level_page(request, None)


@board_view(Role.BOARD_MANAGER)
def rating_level_edit(request: HttpRequest, level_id) -> HttpResponse:
    level = get_object_or_404(RatingLevel, board=request.board, pk=level_id)
    return _rating_level_page(request, level)


def _rating_level_page(request: HttpRequest, level: RatingLevel | None) -> HttpResponse:
    if level is None:
        initial = {"position": len(services.rating_levels(board=request.board)) + 1}
        title = "Add a rating to the scale"
    else:
        initial = {"name": level.name, "position": level.position, "is_active": level.is_active}
        title = f"Change the rating {level.name}"
    form = forms.RatingLevelForm(request.POST or None, initial=initial, adding=level is None)
    back = board_url(request, "assurance:audit-rating-scale")
    done = save_form(
        request,
        form,
        lambda _data: services.rating_level_save(
            board=request.board, level=level, **form.service_data()
        ),
        "Rating scale saved",
        back,
    )
    return done or form_page(request, form, title, back)
