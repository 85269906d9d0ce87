"""The demo partnership's yearly report (illustrative, after Croydon's arrangements): the
latest complete year's report from the partnership template, every item of its checklist
there but one (how children's and families' views were used), so the report page and the
consistency checks show what a missing item looks like. Runs only where the board's demo
has made the partnership board; safe to run again."""

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from board.models import Agency, Board, Role, Sector, User
from board.models.training import Course, SessionEvaluation, TrainingSession
from board.partners import lead_partners
from board.services.notifications import holders
from core.periods import FinancialYear
from core.years import this_year
from reviews.case_reviews.models import CaseReview, Decision, ReviewType
from reviews.case_reviews.services.actions import recommendation_create

from .. import services
from ..builtin import PARTNERSHIP_YEARLY
from ..models import AnnualReport, ReportState, ReportTemplate
from . import services as yearly
from .models import ScrutinyConclusion

SLUG = "croydon-partnership"
LEADS = [
    ("Croydon Council (children's services)", Sector.CHILDRENS_SOCIAL_CARE),
    ("NHS South West London Integrated Care Board", Sector.HEALTH),
    ("Metropolitan Police (South Area)", Sector.POLICE),
]
TEXTS = {
    "Foreword from the lead safeguarding partners": "The three lead safeguarding partners "
    "present the partnership's yearly report.",
    "What the partnership did and how effective it was": "The partnership met six times, "
    "agreed a new multi-agency threshold document and audited the front door. Referrals "
    "that led to an assessment rose, and the audit found decisions were timely.",
    "Decisions and actions on local and national review recommendations": "The partners "
    "took each local review's recommendations into the action tracker, and checked their "
    "practice against the national Panel's reviews of the year.",
    "Areas of little or no progress": "Waiting times for children's mental health services "
    "did not improve; the partners have asked the integrated care board for a plan.",
}
# Left empty on purpose: the one item the demo's checklist shows missing.
MISSING = "How children's and families' views were used"


def load_partnership(write) -> None:
    board = Board.objects.filter(slug=SLUG).first()
    if board is None:
        return
    with scope(board=board):
        report = _load(board)
    write(f"  Partnership yearly report: {report.title} ({report.get_state_display().lower()})")


def _load(board: Board) -> AnnualReport:
    year = FinancialYear(this_year().start_year - 1)
    partners = _lead_partners(board)
    _review_with_action(board, year, partners[0])
    _training_evaluated(board, year)
    template = ReportTemplate.objects.filter(board=board, name=PARTNERSHIP_YEARLY["name"]).first()
    template = template or services.template_copy_builtin(board=board, key="partnership-yearly")
    report = AnnualReport.objects.filter(board=board, start_year=year.start_year).first()
    report = report or services.report_create(board=board, year=year, template=template)
    if report.state == ReportState.PUBLISHED or not report.is_partnership_yearly:
        return report
    if report.state == ReportState.DRAFTING:
        for section in report.sections.all():
            text = "" if section.title == MISSING else TEXTS.get(section.title)
            if text is not None and section.narrative != text:
                services.section_update(section=section, narrative=text)
    signed_on = min(year.end + timedelta(days=60), timezone.localdate())
    for agency in partners:
        yearly.sign_off_record(report=report, agency=agency, signatory=f"Director, {agency.name}",
                               signed_on=signed_on, by=None)  # fmt: skip
    yearly.scrutiny_record(
        report=report, by=None, assessed_on=signed_on, assessed_by="Independent scrutineer",
        conclusion=ScrutinyConclusion.IMPROVEMENTS,
        text="The report is candid about what did not improve. It should say how children's "
        "and families' views changed the partnership's work.",
    )  # fmt: skip
    return report


def _lead_partners(board: Board) -> list[Agency]:
    found = list(lead_partners(board))
    if found:
        return found
    for name, sector in LEADS:
        Agency.objects.update_or_create(
            board=board,
            name=name,
            defaults={"sector": sector, "is_statutory_partner": True, "partner_role": "lead"},
        )
    return list(lead_partners(board))


def _review_with_action(board: Board, year: FinancialYear, owner: Agency) -> None:
    """A practice review decided in the year, with one recommendation and its action."""
    notified = year.start + timedelta(days=40)
    review, created = CaseReview.objects.get_or_create(
        board=board, reference="Child P (demo)",
        defaults={"review_type": ReviewType.PRACTICE_REVIEW, "incident_on": notified,
                  "notified_on": notified, "decision": Decision.INITIATE,
                  "decision_on": notified + timedelta(days=21),
                  "decision_reasons": "The criteria of the 2018 regulations were met.",
                  "decided_by": "The lead safeguarding partners"},
    )  # fmt: skip
    author = _author(board)
    if author is not None and (created or not review.recommendations.exists()):
        recommendation_create(
            review=review, text="Agencies share information at the front door within a day.",
            scope="multi", owner_agency=owner, due_date=year.end, created_by=author,
        )  # fmt: skip


def _author(board: Board) -> User | None:
    """Who raised the demo's action: the partnership's manager, or the demo board's."""
    found = holders(board, Role.BOARD_MANAGER).first()
    return found or User.objects.filter(email="manager@demo.lscb.example").first()


def _training_evaluated(board: Board, year: FinancialYear) -> None:
    """One session of the year evaluated at its end and again at follow-up."""
    course, _ = Course.objects.get_or_create(
        board=board, title="Working together at the front door",
        defaults={"level": "level_3", "delivery": "face_to_face"},
    )  # fmt: skip
    session, _ = TrainingSession.objects.get_or_create(
        board=board, course=course, date=year.start + timedelta(days=70),
        defaults={"place": "Croydon"},
    )  # fmt: skip
    SessionEvaluation.objects.update_or_create(
        board=board, session=session, defaults={"end_score": 4, "follow_up_score": 4}
    )
