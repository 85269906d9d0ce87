"""The host administrator's pages: the boards on this service, a new board, and the
invitation of each board's manager. Outside every board: a host administrator holds no
board role and reads none of a board's records (board/access.py still answers 404 to
them on every board page), only the board's name, area and who manages it."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_scopes import scopes_disabled

from core.forms import apply_errors, form_page
from core.paging import paginate

from ..forms.invitations import BoardForm, ManagerInvitationForm
from ..models import Board, Invitation, InvitationStatus, Role, RoleAssignment
from ..services import invitations as invitation_service
from ..services.host import board_create
from .invitations import answer_page


def host_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in and a host administrator (403 otherwise). The pages work across boards,
    as the admin does, so scoping is off; every query names its board."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_host_admin:
            raise PermissionDenied("Only a host administrator can open this page")
        with scopes_disabled():
            return view(request, *args, **kwargs)

    return wrapper


@host_view
def host_boards(request: HttpRequest) -> HttpResponse:
    managers = Q(role_assignments__role=Role.BOARD_MANAGER)
    boards = Board.objects.annotate(
        manager_count=Count("role_assignments", filter=managers)
    ).order_by("name")
    return render(request, "board/host/boards.html", {"page": paginate(request, boards)})


@host_view
def host_board_create(request: HttpRequest) -> HttpResponse:
    form = BoardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            board = board_create(**form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Board created: {board.name}. Now invite its manager.")
            return redirect("host-board-detail", slug=board.slug)
    return form_page(request, form, "Create a board", reverse("host-boards"))


def _manager_invitations(board: Board):
    return Invitation.objects.filter(board=board, role=Role.BOARD_MANAGER).select_related(
        "invited_by"
    )


@host_view
def host_board_detail(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_object_or_404(Board, slug=slug)
    managers = RoleAssignment.objects.filter(board=board, role=Role.BOARD_MANAGER)
    context = {
        "host_board": board,
        "managers": managers.select_related("user").order_by("user__full_name"),
        "page": paginate(request, _manager_invitations(board)),
        "pending": InvitationStatus.PENDING,
    }
    return render(request, "board/host/board_detail.html", context)


@host_view
def host_invite_manager(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_object_or_404(Board, slug=slug)
    form = ManagerInvitationForm(request.POST or None)
    back = reverse("host-board-detail", kwargs={"slug": board.slug})
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitation_service.invitation_create(
                board=board,
                email=form.cleaned_data["email"],
                role=Role.BOARD_MANAGER,
                invited_by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}")
            return redirect(back)
    return form_page(request, form, f"Invite the manager of {board.name}", back)


@host_view
def host_invitation_resend(request: HttpRequest, slug: str, pk) -> HttpResponse:
    invitation = get_object_or_404(_manager_invitations(get_object_or_404(Board, slug=slug)), pk=pk)
    return answer_page(
        request, invitation, title="Send this invitation again?", button="Send it again",
        action=invitation_service.invitation_resend, done="Invitation sent again",
        back=reverse("host-board-detail", kwargs={"slug": slug}),
    )  # fmt: skip


@host_view
def host_invitation_revoke(request: HttpRequest, slug: str, pk) -> HttpResponse:
    invitation = get_object_or_404(_manager_invitations(get_object_or_404(Board, slug=slug)), pk=pk)
    return answer_page(
        request, invitation, title="Are you sure you want to revoke this invitation?",
        button="Yes, revoke this invitation", action=invitation_service.invitation_revoke,
        done="Invitation revoked", back=reverse("host-board-detail", kwargs={"slug": slug}),
    )  # fmt: skip
