"""Invitations: the board manager invites people, resends and revokes invitations; the
person invited accepts through the link in their e-mail (a page outside every board: they
hold no role yet)."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_scopes import scope

from core.confirm import confirm_page
from core.forms import apply_errors, form_page
from core.links import board_url
from core.paging import paginate

from ..access import board_view
from ..forms.invitations import InvitationForm, NewAccountForm
from ..models import Invitation, Person, Role, User
from ..services import invitations as service

SESSION_KEY = "board.invitation"  # the id of the invitation whose link was opened
MANAGER = Role.BOARD_MANAGER


@board_view(MANAGER)
def invitation_list(request: HttpRequest) -> HttpResponse:
    invitations = Invitation.objects.filter(board=request.board).select_related("invited_by")
    return render(request, "board/invitations/list.html", {"page": paginate(request, invitations)})


@board_view(MANAGER)
def invitation_create(request: HttpRequest) -> HttpResponse:
    person = None
    if request.GET.get("person"):
        person = get_object_or_404(Person, board=request.board, pk=request.GET["person"])
    initial = {"email": request.GET.get("email", person.email if person else "")}
    form = InvitationForm(request.POST or None, initial=initial)
    back = board_url(request, "invitation-list")
    if request.method == "POST" and form.is_valid():
        try:
            invitation = service.invitation_create(
                board=request.board,
                email=form.cleaned_data["email"],
                role=Role(form.cleaned_data["role"]),
                invited_by=request.user,
                person=person,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}")
            return redirect(back)
    lead = "They get an e-mail with a link to set up their account, valid for 14 days."
    return form_page(request, form, "Invite someone to the board", back, lead=lead)


def answer_page(request, invitation, *, title, button, action, done, back) -> HttpResponse:
    """The confirmation page of a resend or revocation, then (POST) the change."""
    if request.method == "POST":
        try:
            action(invitation=invitation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{done}: {invitation.email}")
        return redirect(back)
    return confirm_page(
        request, title=title, button=button, back_url=back, name=str(invitation), warning=""
    )


@board_view(MANAGER)
def invitation_resend(request: HttpRequest, pk) -> HttpResponse:
    invitation = get_object_or_404(Invitation, board=request.board, pk=pk)
    return answer_page(
        request, invitation, title="Send this invitation again?", button="Send it again",
        action=service.invitation_resend, done="Invitation sent again",
        back=board_url(request, "invitation-list"),
    )  # fmt: skip


@board_view(MANAGER)
def invitation_revoke(request: HttpRequest, pk) -> HttpResponse:
    invitation = get_object_or_404(Invitation, board=request.board, pk=pk)
    return answer_page(
        request, invitation, title="Are you sure you want to revoke this invitation?",
        button="Yes, revoke this invitation", action=service.invitation_revoke,
        done="Invitation revoked", back=board_url(request, "invitation-list"),
    )  # fmt: skip


# The person invited


def invitation_open(request: HttpRequest) -> HttpResponse:
    """The link in the e-mail (its token in ?key=). A usable link is remembered in the
    session by the invitation's id and the browser sent on to a page without the token,
    so the token does not stay in the address bar, the history or a Referer header."""
    invitation = service.invitation_for_token(request.GET.get("key", ""))
    if invitation is None or not invitation.is_open:
        return _unusable(request, invitation)
    request.session[SESSION_KEY] = str(invitation.pk)
    return redirect("invitation-answer")


@require_http_methods(["GET", "POST"])
def invitation_answer(request: HttpRequest) -> HttpResponse:
    invitation = _opened_invitation(request)
    if invitation is None or not invitation.is_open:
        return _unusable(request, invitation)
    with scope(board=invitation.board_id):
        if User.objects.filter(email__iexact=invitation.email).exists():
            return _accept_as_existing_user(request, invitation)
        return _accept_with_new_account(request, invitation)


def _opened_invitation(request: HttpRequest) -> Invitation | None:
    from django_scopes import scopes_disabled

    pk = request.session.get(SESSION_KEY)
    if not pk:
        return None
    with scopes_disabled():
        return Invitation.objects.select_related("board", "invited_by").filter(pk=pk).first()


def _unusable(request: HttpRequest, invitation: Invitation | None) -> HttpResponse:
    context = {"invitation": invitation}
    return render(request, "board/invitations/unusable.html", context, status=404)


def _accept_with_new_account(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    form = NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = service.invitation_accept_with_new_account(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _accepted(request, invitation, user)
    context = {"form": form, "invitation": invitation, "page_title": "Create your account"}
    return render(request, "board/invitations/new_account.html", context)


def _accept_as_existing_user(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    user = request.user
    signed_in_as_invited = user.is_authenticated and user.email.lower() == invitation.email.lower()
    if request.method == "POST" and signed_in_as_invited:
        try:
            service.invitation_accept(invitation=invitation, user=user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _unusable(request, invitation)
        return _accepted(request, invitation, user)
    context = {
        "invitation": invitation,
        "signed_in_as_invited": signed_in_as_invited,
        "sign_in_url": f"{reverse('login')}?next={reverse('invitation-answer')}",
    }
    return render(request, "board/invitations/existing_account.html", context)


def _accepted(request: HttpRequest, invitation: Invitation, user: User) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    if not request.user.is_authenticated:
        # The password was typed a moment ago; two-factor set-up follows for the roles
        # that need it (lscb/two_factor.py), before any board page opens.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, f"You have joined {invitation.board.name}.")
    return redirect(board_url(invitation.board, "board-detail"))
