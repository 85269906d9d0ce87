"""The demo board's inspections. Croydon's 2014/15 annual review says that boards "are now
subject to formal review through Ofsted inspection of local authority safeguarding children
services" (inspections of services for children in need of help and protection, children
looked after and care leavers, with reviews of LSCBs) and that the board was preparing with
a rigorous self-assessment; it publishes no inspection outcome. So the records here take
their shape from that framework (its areas, the four grades, "requires improvement to be
good"), but their dates, grades and recommendations are illustrative, and each says so.
Safe to run again: inspections are found by title, recommendations by their text."""

from datetime import date

from board.models import Agency, Board, Role, RoleAssignment

from ..models import Inspection, InspectionRecommendation
from ..services.inspections import (
    JudgementInput,
    inspection_judgements_set,
    inspection_recommendation_create,
)

ILLUSTRATIVE = "Demo record: the dates, judgements and recommendations are illustrative."
CSC, POLICE = "Croydon Children's Social Care", "Metropolitan Police Service"
CCG, HEALTH = "Croydon Clinical Commissioning Group", "Croydon Health Services NHS Trust"
EARLY_HELP = "Croydon Early Help"

INSPECTIONS = [
    {
        "fields": {
            "inspectorate": "cqc",
            "title": "Review of health services for children looked after and safeguarding",
            "inspected_agency": CCG,
            "start_date": date(2014, 6, 9),
            "end_date": date(2014, 6, 13),
            "published_on": date(2014, 9, 5),
            "scope": "The effectiveness of health services for looked after children and "
            "the arrangements for safeguarding children in the area's health services. "
            + ILLUSTRATIVE,
            "overall_judgement": "",
        },
        # Reviews of this kind report findings and recommendations, not graded judgements.
        "judgements": [],
        "recommendations": [
            (
                "Ensure that health assessments of children looked after are completed "
                "within statutory timescales and that their quality is audited.",
                CCG,
                date(2015, 3, 31),
            ),
            (
                "Make sure that emergency department staff check whether a child is subject "
                "to a child protection plan and share information with the school nursing "
                "service.",
                HEALTH,
                date(2015, 1, 31),
            ),
        ],
    },
    {
        "fields": {
            "inspectorate": "ofsted",
            "title": "Inspection of services for children in need of help and protection, "
            "children looked after and care leavers, and review of the LSCB",
            "inspected_agency": None,
            # After the 2014/15 review, which describes the board preparing for it.
            "start_date": date(2015, 11, 2),
            "end_date": date(2015, 11, 25),
            "published_on": date(2016, 1, 29),
            "scope": "Single inspection framework: the local authority's services for "
            "children in need of help and protection, children looked after and care "
            "leavers, with a review of the effectiveness of the Local Safeguarding Children "
            "Board. " + ILLUSTRATIVE,
            "overall_judgement": "requires_improvement",
        },
        "judgements": [
            JudgementInput("Children who need help and protection", "requires_improvement"),
            JudgementInput(
                "Children looked after and achieving permanence", "requires_improvement"
            ),
            JudgementInput("Adoption performance", "good"),
            JudgementInput("Experiences and progress of care leavers", "requires_improvement"),
            JudgementInput("Leadership, management and governance", "requires_improvement"),
            JudgementInput("The effectiveness of the LSCB", "requires_improvement", "to be good"),
        ],
        "recommendations": [
            (
                "The LSCB should evaluate the impact of early help on children and families, "
                "using its multi-agency audits and dataset.",
                EARLY_HELP,
                date(2016, 9, 30),
            ),
            (
                "Ensure that every child who goes missing is offered a return home interview "
                "and that the information gathered informs plans to reduce risk.",
                CSC,
                date(2016, 7, 31),
            ),
            (
                "Strengthen the multi-agency response to child sexual exploitation so that "
                "risk assessments lead to timely protective action.",
                POLICE,
                date(2016, 12, 31),
            ),
        ],
    },
]


def _inspection(board: Board, fields: dict, agencies: dict) -> Inspection:
    values = {**fields, "inspected_agency": agencies.get(fields["inspected_agency"])}
    inspection = Inspection.objects.filter(board=board, title=fields["title"]).first()
    inspection = inspection or Inspection(board=board)
    for name, value in values.items():
        setattr(inspection, name, value)
    inspection.full_clean()
    inspection.save()
    return inspection


def load(board: Board, write) -> None:
    agencies = {agency.name: agency for agency in Agency.objects.filter(board=board)}
    manager = RoleAssignment.objects.filter(board=board, role=Role.BOARD_MANAGER).first()
    for entry in INSPECTIONS:
        inspection = _inspection(board, entry["fields"], agencies)
        judged = [(j.area, j.grade, j.qualifier) for j in inspection.judgements.all()]
        if judged != [(j.area, j.grade, j.qualifier) for j in entry["judgements"]]:
            inspection_judgements_set(inspection=inspection, judgements=entry["judgements"])
        for text, owner, due in entry["recommendations"]:
            recorded = InspectionRecommendation.objects.filter(
                board=board, inspection=inspection, text=text
            ).exists()
            if not recorded and owner in agencies and manager:
                inspection_recommendation_create(
                    inspection=inspection,
                    text=text,
                    owner_agency=agencies[owner],
                    due_date=due,
                    created_by=manager.user,
                )
    count = Inspection.objects.filter(board=board).count()
    write(f"  Inspections: {count}")
