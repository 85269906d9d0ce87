"""Records and form data for the inspection tests."""

from datetime import date

from django.urls import reverse

from reviews.assurance.models import Inspection
from reviews.assurance.services.inspections import (
    JudgementInput,
    inspection_create,
    inspection_recommendation_create,
)
from tests.factories import UserFactory
from tests.forms import date_parts

SIF = {
    "inspectorate": "ofsted",
    "title": "Services for children in need of help and protection and review of the LSCB",
    "start_date": date(2015, 2, 2),
    "end_date": date(2015, 2, 25),
    "published_on": date(2015, 4, 15),
    "scope": "Children in need of help and protection, children looked after, care leavers.",
}
AREAS = [
    JudgementInput("Children who need help and protection", "requires_improvement"),
    JudgementInput("Children looked after and achieving permanence", "good"),
    JudgementInput("The effectiveness of the LSCB", "requires_improvement", "to be good"),
]


def ofsted(board, **overrides) -> Inspection:
    return inspection_create(board=board, **{**SIF, **overrides})


def url(board, name, **kwargs) -> str:
    return reverse(f"assurance:{name}", kwargs={"board_slug": board.slug, **kwargs})


def form_data(**overrides) -> dict:
    return {
        "inspectorate": "ofsted",
        "title": SIF["title"],
        "inspected_agency": "",
        **date_parts("start_date", "2/2/2015"),
        **date_parts("end_date", "25/2/2015"),
        **date_parts("published_on", "15/4/2015"),
        "scope": "Help and protection",
        "overall_judgement": "requires_improvement",
        "report_url": "https://reports.ofsted.gov.uk/example",
        **overrides,
    }


def judgement_data(rows, total=None) -> dict:
    data = {
        "form-TOTAL_FORMS": str(total or len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
    }
    for index, (area, grade, qualifier) in enumerate(rows):
        data[f"form-{index}-area"] = area
        data[f"form-{index}-grade"] = grade
        data[f"form-{index}-qualifier"] = qualifier
    return data


def recommend(inspection, agency, text="Strengthen the LSCB's scrutiny of early help", **kw):
    return inspection_recommendation_create(
        inspection=inspection,
        text=text,
        owner_agency=agency,
        due_date=kw.pop("due_date", date(2016, 3, 31)),
        created_by=kw.pop("created_by", None) or UserFactory(),
        **kw,
    )


# Recommendations and the action tracker
