"""The board's list of areas of residence, which published child death statistics table
cases by: the board manager and the panel keep it."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from board.access import board_view
from core.forms import form_page, save_form

from ..forms import LocalityListForm
from ..selectors import localities
from ..services.localities import localities_update
from .statistics import SETTINGS_ROLES

LEAD = (
    "Cases choose their area of residence from this list, and the published statistics "
    "count deaths by it. Use areas large enough that a count does not point to a family: "
    "wards or localities, never streets or small villages."
)


@board_view(*SETTINGS_ROLES)
def locality_list(request: HttpRequest) -> HttpResponse:
    board = request.board
    names = "\n".join(localities(board=board).values_list("name", flat=True))
    form = LocalityListForm(request.POST or None, initial={"names": names})
    here = reverse("child_deaths:cdop-localities", kwargs={"board_slug": board.slug})
    saved = save_form(
        request,
        form,
        lambda data: localities_update(board=board, names=form.names_list()),
        "Areas of residence saved",
        here,
    )
    if saved:
        return saved
    back = reverse("child_deaths:cdop-statistics", kwargs={"board_slug": board.slug})
    return form_page(
        request, form, "Areas of residence for child death statistics", back, lead=LEAD
    )
