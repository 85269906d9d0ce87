"""One rule for a ?year= that is not a year, on every page that reads one:
the page opens on its default year under a banner naming what was not understood."""

import inspect
import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from board.models import Role
from tests.factories import signed_in_client

from .pages import ENTRIES, board_context, open_as_allowed

BAD = "2014-1x"
SAID = "“2014-1x” is not a financial year such as 2014-15"
DOWNLOADS = {
    "datasets:export",
    "budget-export",
    "attendance-export",
    "subgroups:completeness-export",
}
ROOT = Path(__file__).resolve().parents[2]


def _patterns(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.callback


def _source(view) -> str:
    """The view's code: the function under its decorators, or every class it is made of."""
    view_class = getattr(view, "view_class", None)
    if view_class:
        parts = [c for c in view_class.__mro__ if c.__module__.split(".")[0] != "django"]
        return "".join(inspect.getsource(c) for c in parts if c is not object)
    return inspect.getsource(inspect.unwrap(view))


def pages_reading_year() -> list[str]:
    """Named URLs whose view calls core.years. An edit or a deletion of a stored record
    takes the year from the record, though its class shares the create view's code."""
    found = [
        name
        for name, view in _patterns()
        if not name.endswith(("-edit", "-delete"))
        and re.search(r"year_from_query|year_error", _source(view))
    ]
    return sorted(set(found))


def test_the_list_is_complete_no_view_reads_year_itself():
    """Every ?year= goes through core.years: no view module reads the parameter itself, so
    the list above (views calling year_from_query) is every page that takes one."""
    own = re.compile(r"""GET(\.get)?[\[(]["']year["']|FinancialYear\.parse\(request""")
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("*/views/*.py")
        if own.search(path.read_text())
    ] + [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("*/*views.py")
        if own.search(path.read_text())
    ]
    assert offenders == []
    assert len(pages_reading_year()) >= 10


@pytest.mark.parametrize("name", pages_reading_year())
def test_a_bad_year_shows_the_default_year_with_a_warning(db, name):
    response = open_as_allowed(name, board_context(), f"?year={BAD}")
    text = response.content.decode()
    if name in DOWNLOADS:
        # A download has no page for the banner: it refuses, with the same words.
        assert (response.status_code, text) == (400, SAID)
        return
    assert response.status_code == 200, name
    assert SAID in text, name
    assert "govuk-notification-banner" in text


def test_the_warning_names_the_year_shown(db):
    response = open_as_allowed("budget", board_context(), f"?year={BAD}")
    assert re.search(rf"{SAID}; showing \d{{4}}/\d{{2}}\.", response.content.decode())


def test_a_good_year_shows_no_warning(db):
    response = open_as_allowed("budget", board_context(), "?year=2014-15")
    assert "is not a financial year" not in response.content.decode()
    assert "2014/15" in response.content.decode()


def test_every_page_listed_has_a_matrix_entry():
    assert set(pages_reading_year()) <= set(ENTRIES)


def test_reviews_pages_that_take_a_year_are_in_the_list():
    assert {"child_deaths:cdop-statistics", "assurance:inspection-list"} <= set(
        pages_reading_year()
    )


def test_inspections_with_a_bad_year_list_every_year_and_say_so(db):
    text = open_as_allowed("assurance:inspection-list", board_context(), f"?year={BAD}")
    assert f"{SAID}; showing every year." in text.content.decode()


def test_the_cdop_export_refuses_a_year_that_is_not_one_with_the_same_words(db):
    context = board_context()
    rule = ENTRIES["child_deaths:cdop-export"]
    kwargs = {**rule.kwargs(context), "year": BAD}
    client = signed_in_client(context.users[Role.CDOP_MEMBER.value])
    response = client.get(reverse("child_deaths:cdop-export", kwargs=kwargs))
    assert (response.status_code, response.content.decode()) == (400, SAID)
