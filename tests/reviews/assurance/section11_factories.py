"""Records and form data for the section11 tests."""

from datetime import date

from django.urls import reverse

from reviews.assurance.models import (
    Section11Cycle,
    Section11Return,
)
from reviews.assurance.services.section11 import (
    section11_cycle_create,
    section11_return_create,
    section11_standards,
)
from tests.factories import AgencyFactory
from tests.forms import date_parts

SUBMITTED = date(2015, 3, 1)


def url(board, name, **kwargs) -> str:
    return reverse(f"assurance:{name}", kwargs={"board_slug": board.slug, **kwargs})


def make_cycle(board, agencies, **overrides) -> Section11Cycle:
    fields = {
        "title": "Section 11 2014-16",
        "kind": "biennial",
        "opens_on": date(2014, 10, 1),
        "due_on": date(2015, 3, 31),
        **overrides,
    }
    return section11_cycle_create(board=board, agencies=agencies, **fields)


def agencies_for(board, *names):
    return [AgencyFactory(board=board, name=name) for name in names]


def all_rated(board, *rags) -> dict:
    """Ratings of the board's standards in order; the last rag repeats for the rest."""
    standards = section11_standards(board=board)
    chosen = list(rags) + [rags[-1]] * (len(standards) - len(rags))
    return {
        standard: (rag, f"Evidence {standard.number}")
        for standard, rag in zip(standards, chosen, strict=True)
    }


def submit(cycle, agency, *rags) -> Section11Return:
    return section11_return_create(
        cycle=cycle, agency=agency, ratings=all_rated(cycle.board, *rags), submitted_on=SUBMITTED
    )


def return_form_data(board, rags: dict, **extra) -> dict:
    """Form data: `rags` by standard number; evidence for each."""
    data = {**date_parts("submitted_on", extra.pop("submitted_on", None)), **extra}
    for standard in section11_standards(board=board):
        data[f"rag_{standard.pk}"] = rags.get(standard.number, "")
        data[f"evidence_{standard.pk}"] = f"Evidence for {standard.number}"
    return data


# Standards
