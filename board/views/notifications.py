"""The person's own notifications on a board (paged, marked read) and their choice of
e-mail. Every role has them; nobody sees anyone else's."""

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.forms import form_page, save_form
from core.links import board_url
from core.paging import paginate

from ..access import board_view
from ..forms.notifications import NotificationPreferenceForm
from ..models import ALL_ROLES, EmailChoice
from ..selectors.notifications import notifications_for
from ..services.notifications import (
    email_choice,
    notification_preference_set,
    notifications_mark_read,
)

PER_PAGE = 25
CHOICE_WORDS = {
    EmailChoice.IMMEDIATE: "one for each notification, straight away.",
    EmailChoice.DIGEST: "one summary a day.",
    EmailChoice.OFF: "none.",
}


@board_view(*ALL_ROLES)
def notification_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, notifications_for(request.board, request.user), PER_PAGE)
    choice = EmailChoice(email_choice(request.user))
    context = {"page": page, "choice_label": CHOICE_WORDS[choice]}
    return render(request, "board/notifications/list.html", context)


def _ids(values: list[str]) -> list[uuid.UUID]:
    """The well-formed ids posted; anything else is ignored (it could match nothing)."""
    ids = []
    for value in values:
        try:
            ids.append(uuid.UUID(value))
        except ValueError:
            continue
    return ids


@require_POST
@board_view(*ALL_ROLES)
def notifications_read(request: HttpRequest) -> HttpResponse:
    every = request.POST.get("all") == "1"
    marked = notifications_mark_read(
        board=request.board, user=request.user,
        ids=_ids(request.POST.getlist("notification")), every=every,
    )  # fmt: skip
    if marked:
        messages.success(request, "Marked as read.")
    page = request.GET.get("page")
    return redirect(board_url(request, "notification-list", query={"page": page}))


@board_view(*ALL_ROLES)
def notification_preferences(request: HttpRequest) -> HttpResponse:
    initial = {"email": email_choice(request.user)}
    form = NotificationPreferenceForm(request.POST or None, initial=initial)
    done = save_form(
        request, form,
        lambda data: notification_preference_set(user=request.user, email=data["email"]),
        "Your choice of e-mails is saved.", board_url(request, "notification-list"),
    )  # fmt: skip
    if done:
        return done
    return form_page(
        request, form, "Notification e-mails", board_url(request, "notification-list"),
        lead="Every notification is on your notifications page. Choose when we also e-mail "
        "you a link to it. The e-mail never says what the record holds.",
    )  # fmt: skip
