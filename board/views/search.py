"""The board's search page: what the person typed, the results they may open (board/search.py
asks only the kinds of record their roles open), paged, each linking to its record."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.forms import GdsForm, text_field
from core.paging import paginate

from .. import search
from ..access import board_view
from ..audit import log_access_many
from .base import READ

MAX_LENGTH = 200
RESULTS_PER_PAGE = 20


class SearchForm(GdsForm):
    submit_label = "Search"

    q = text_field(
        "Search this board",
        required=False,
        max_length=MAX_LENGTH,
        help_text="Words or a reference: an action, a meeting or paper, a person, an indicator.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].error_messages["max_length"] = (
            f"Search for {MAX_LENGTH} characters or fewer"
        )
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search", "spellcheck": "false"})
        self.helper.form_method = "get"


@board_view(*READ)
def board_search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    results = search.search(request.board, request.board_access, text)
    page = paginate(request, results, RESULTS_PER_PAGE)
    # The page shows these restricted records (a CDOP case's number): a read of each.
    restricted = [result.record for result in page if result.kind.restricted]
    log_access_many(restricted, actor=request.user)
    context = {"form": form, "text": text, "page": page}
    return render(request, "board/search.html", context)
