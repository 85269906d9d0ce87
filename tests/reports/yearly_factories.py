"""A partnership yearly report for 2014/15 and the records that satisfy its checklist."""

import datetime

from board.models import Agency, Role, Sector
from board.models.training import Course, SessionEvaluation, TrainingSession
from reports.models import AnnualReport
from reports.yearly import services as yearly
from reports.yearly.models import ScrutinyConclusion
from reviews.case_reviews.models import CaseReview, Decision, ReviewType
from reviews.case_reviews.services.actions import recommendation_create
from tests.factories import user_with_role

from .factories import report_for

AUTHORED = {
    "What_the_partnership_did_and_how_effective_it_was": "We met six times.",
    "Areas_of_little_or_no_progress": "Mental health waiting times.",
    "How_children's_and_families'_views_were_used": "The young people's panel chose our "
    "priorities.",
}
SIGNED_ON = datetime.date(2015, 6, 1)


def scrutineer(board):
    return user_with_role(board, Role.SCRUTINEER, full_name="Scrutineer",
                          email="scrutineer@example.org")  # fmt: skip


def lead_agencies(board) -> list[Agency]:
    leads = [("Testshire Council", Sector.CHILDRENS_SOCIAL_CARE),
             ("Testshire ICB", Sector.HEALTH), ("Testshire Police", Sector.POLICE)]  # fmt: skip
    found = [
        Agency.objects.create(
            board=board, name=name, sector=sector, is_statutory_partner=True, partner_role="lead"
        )  # fmt: skip
        for name, sector in leads
    ]
    # Neither a lead partner: a statutory partner of another sector, a police agency that
    # is a relevant agency.
    Agency.objects.create(board=board, name="CAFCASS", sector=Sector.CAFCASS,
                          is_statutory_partner=True)  # fmt: skip
    Agency.objects.create(board=board, name="Police cadets", sector=Sector.POLICE,
                          partner_role="relevant")  # fmt: skip
    return found


def partnership_report(board, **narratives) -> AnnualReport:
    return report_for(board, template_key="partnership-yearly", **narratives)


def review_of_the_year(board, owner: Agency, *, decided=datetime.date(2014, 5, 20)):
    review = CaseReview.objects.create(
        board=board, reference="Child Q", review_type=ReviewType.PRACTICE_REVIEW,
        incident_on=decided - datetime.timedelta(days=30),
        notified_on=decided - datetime.timedelta(days=20), decision=Decision.INITIATE,
        decision_on=decided, decision_reasons="Criteria met.", decided_by="The partners",
    )  # fmt: skip
    author = user_with_role(board, Role.SCR_MEMBER)
    recommendation_create(review=review, text="Share information within a day.", scope="multi",
                          owner_agency=owner, due_date=datetime.date(2015, 3, 1),
                          created_by=author)  # fmt: skip
    return review


def training_evaluated(board, *, follow_up=4, day=datetime.date(2014, 6, 1)):
    course = Course.objects.create(board=board, title="Front door", level="level_3",
                                   delivery="face_to_face")  # fmt: skip
    session = TrainingSession.objects.create(board=board, course=course, date=day, place="Hall")
    return SessionEvaluation.objects.create(board=board, session=session, end_score=4,
                                            follow_up_score=follow_up)  # fmt: skip


def signed_and_scrutinised(report, partners) -> None:
    for agency in partners:
        yearly.sign_off_record(report=report, agency=agency, signatory=f"Head of {agency}",
                               signed_on=SIGNED_ON, by=None)  # fmt: skip
    yearly.scrutiny_record(report=report, text="A candid report.", assessed_on=SIGNED_ON,
                           conclusion=ScrutinyConclusion.EFFECTIVE, assessed_by="A. Scrutineer",
                           by=None)  # fmt: skip


def complete_report(board) -> AnnualReport:
    """Every checklist item satisfied."""
    partners = lead_agencies(board)
    review_of_the_year(board, partners[0])
    training_evaluated(board)
    report = partnership_report(board, **AUTHORED)
    signed_and_scrutinised(report, partners)
    return report
