"""The demo board's case reviews, from Croydon's 2014/15 annual review: Child M (a missing
teenager, murdered by another young person) and Child P (a three-year-old unlawfully
killed by his mother), both published in April 2015, and the joint review with LB Merton
of a 16-year-old convicted of murder. The report gives the methods used (SCIE, SILP, a
hybrid with management reviews) without saying which review used which, and gives few
dates: the dates, people and actions here are illustrative. Safe to run again."""

from datetime import date, timedelta

from board.models import Action, ActionStatus, Agency, Board, Role, RoleAssignment

from .models import CaseReview, Dissemination, Lesson, Milestone, PanelMember, Recommendation, Theme
from .services.actions import recommendation_create, scr_action_add

POLICE, CSC = "Metropolitan Police Service", "Croydon Children's Social Care"
HEALTH, SCHOOLS = "Croydon Health Services NHS Trust", "Croydon Schools"
SLAM = "South London and Maudsley NHS Foundation Trust"
CHILD_M_URL = (
    "http://croydonlcsb.org.uk/wp-content/uploads/2015/04/CSCB26_11_14_-_Item_7_-_Croydon_"
    "Child_M_Overview_Report_final_version_722.pdf"
)
CHILD_P_URL = (
    "http://croydonlcsb.org.uk/wp-content/uploads/2015/04/"
    "CSCSB-SCR-Josh-Overview-Report-Final-Feb-2015-1.pdf"
)

REVIEWS = [
    {
        "reference": "Child M",
        "review_type": "scr",
        "incident_on": date(2013, 6, 3),
        "notified_on": date(2013, 6, 7),
        "decision_on": date(2013, 7, 2),
        "methodology": "scie",
        "agencies": [POLICE, CSC, SCHOOLS],
        "criteria": "A child has died; abuse or neglect suspected; concerns about how "
        "agencies worked together while he was missing.",
        "summary": "Child M, a teenager who went missing repeatedly, was murdered by another "
        "young person. His death might not have been predicted or prevented, but the longer "
        "he was missing the more the risk to his welfare increased. The review asks for "
        "stronger multi-agency responses to missing children and clear escalation.",
        "milestones": [
            ("agency_requested", POLICE, date(2013, 7, 15)),
            ("agency_received", POLICE, date(2013, 9, 20)),
            ("agency_requested", CSC, date(2013, 7, 15)),
            ("agency_received", CSC, date(2013, 9, 2)),
            ("practitioner_event", None, date(2013, 11, 12)),
            ("family_engagement", None, date(2013, 12, 4)),
            ("draft_report", None, date(2014, 3, 28)),
            ("final_panel", None, date(2014, 9, 16)),
            ("board_sign_off", None, date(2014, 11, 26)),
            ("submission", None, date(2014, 12, 3)),
            ("publication", None, date(2015, 4, 14)),
        ],
        "recommendations": [
            (
                "Strengthen the multi-agency missing children panel and plan for every "
                "child who goes missing.",
                "multi",
                [(CSC, date(2015, 3, 31), "complete"), (POLICE, date(2015, 6, 30), "complete")],
            ),
            (
                "Flag every missing child on the children's social care record and report "
                "the flags daily, weekly and monthly.",
                "single",
                [(CSC, date(2015, 9, 30), "on_track")],
            ),
            (
                "Relaunch the escalation policy so that practitioners escalate concerns quickly.",
                "multi",
                [(SCHOOLS, date(2016, 3, 31), "at_risk")],
            ),
        ],
        "lessons": [
            ("The longer a child is missing, the greater the risk to them.", ["Missing"]),
            (
                "Concerns must be escalated when a response is not received.",
                ["Information sharing"],
            ),
        ],
    },
    {
        "reference": "Child P",
        "review_type": "scr",
        "incident_on": date(2013, 9, 10),
        "notified_on": date(2013, 9, 13),
        "decision_on": date(2013, 10, 8),
        "methodology": "silp",
        "agencies": [HEALTH, SLAM, CSC],
        "criteria": "A child has died; the mother's mental health was known to agencies.",
        "summary": "Child P, aged three, was unlawfully killed by his mother. The review used "
        "the Significant Incident Learning Process with the practitioners involved. The "
        "family's views are reflected: the author met a grandparent during the review.",
        "milestones": [
            ("agency_requested", SLAM, date(2013, 10, 21)),
            ("agency_received", SLAM, date(2013, 12, 16)),
            ("practitioner_event", None, date(2014, 2, 11)),
            ("family_engagement", None, date(2014, 3, 6)),
            ("draft_report", None, date(2014, 7, 30)),
            ("final_panel", None, date(2014, 12, 9)),
            ("board_sign_off", None, date(2015, 2, 25)),
            ("publication", None, date(2015, 4, 21)),
        ],
        "recommendations": [
            (
                "Adult mental health services consider the children of every parent they "
                "treat and share concerns with children's social care.",
                "single",
                [(SLAM, date(2015, 12, 31), "complete")],
            ),
            (
                "Make reflective supervision available to every social work practitioner.",
                "single",
                [(CSC, date(2015, 9, 30), "complete")],
            ),
        ],
        "lessons": [
            (
                "Parental mental illness must be assessed for its risk to the child.",
                ["Parental mental health"],
            ),
            ("Supervision should challenge and reflect on practice.", ["Supervision"]),
        ],
    },
    {
        "reference": "Joint review with LB Merton",
        "review_type": "joint",
        "partner_board": "Merton Safeguarding Children Board",
        "incident_on": date(2014, 8, 18),
        "notified_on": date(2014, 8, 22),
        "decision_on": date(2014, 9, 16),
        "methodology": "traditional",
        "agencies": [POLICE, SCHOOLS, CSC],
        "criteria": "A 16-year-old stabbed another child to death; both boards' agencies knew him.",
        "summary": "",
        "milestones": [
            ("agency_requested", POLICE, date(2014, 10, 1)),
            ("agency_received", POLICE, date(2014, 12, 12)),
            ("agency_requested", SCHOOLS, date(2014, 10, 1)),
            ("chronology", None, date(2015, 1, 30)),
        ],
        "recommendations": [
            (
                "Share information on young people known to both boroughs' youth offending "
                "services.",
                "multi",
                [(POLICE, date(2015, 12, 31), "not_started")],
            ),
        ],
        "lessons": [
            (
                "Information on young people crossing borough boundaries must follow them.",
                ["Information sharing"],
            )
        ],
    },
    # "The SCR sub-group agreed three Serious Case Reviews be initiated during 2014/15",
    # one with each model the review names. The review gives no child or dates for them:
    # the references, dates and agencies are illustrative.
    *[
        {
            "reference": reference,
            "review_type": "scr",
            "incident_on": incident,
            "notified_on": incident + timedelta(days=4),
            "decision_on": decision,
            "methodology": methodology,
            "agencies": agencies,
            "criteria": criteria,
            "summary": "",
            "milestones": [("practitioner_event", None, decision + timedelta(days=70))],
            "recommendations": [],
            "lessons": [],
        }
        for reference, incident, decision, methodology, agencies, criteria in [
            (
                "Child Q",
                date(2014, 5, 12),
                date(2014, 6, 17),
                "scie",
                [HEALTH, CSC],
                "Serious harm; fabricated or induced illness suspected.",
            ),
            (
                "Child R",
                date(2014, 9, 1),
                date(2014, 10, 14),
                "silp",
                [HEALTH, CSC, "Croydon Housing"],
                "An infant seriously harmed; concerns about pre-birth planning and the "
                "engagement of the father.",
            ),
            (
                "Child S",
                date(2014, 12, 8),
                date(2015, 1, 20),
                "hybrid",
                [POLICE, CSC, SCHOOLS],
                "A young person seriously harmed; concerns about how agencies worked "
                "together while they were missing.",
            ),
        ]
    ],
]


def _review(board: Board, spec: dict, agencies: dict) -> CaseReview:
    review, _ = CaseReview.objects.update_or_create(
        board=board,
        reference=spec["reference"],
        defaults={
            "review_type": spec["review_type"],
            "partner_board": spec.get("partner_board", ""),
            "incident_on": spec["incident_on"],
            "notified_on": spec["notified_on"],
            "criteria_considered": spec["criteria"],
            "decision": "initiate",
            "decision_on": spec["decision_on"],
            "decision_reasons": "The criteria for a serious case review are met.",
            "decided_by": "Independent chair, on the SCR sub-group's recommendation",
            "methodology": spec["methodology"],
            "executive_summary": spec["summary"],
        },
    )
    review.agencies_involved.set([agencies[name] for name in spec["agencies"]])
    return review


def _milestones(board: Board, review: CaseReview, spec: dict, agencies: dict) -> None:
    for kind, agency_name, on in spec["milestones"]:
        web = CHILD_M_URL if review.reference == "Child M" else CHILD_P_URL
        Milestone.objects.update_or_create(
            board=board,
            review=review,
            kind=kind,
            agency=agencies.get(agency_name),
            defaults={
                "planned_on": on,
                "actual_on": on,
                "web_address": web if kind == "publication" else "",
            },
        )


def _recommendations(board: Board, review: CaseReview, spec: dict, agencies, user) -> None:
    for number, (text, scope, actions) in enumerate(spec["recommendations"], start=1):
        if Recommendation.objects.filter(review=review, number=number).exists():
            continue
        (first_agency, first_due, _), *rest = actions
        recommendation = recommendation_create(
            review=review,
            text=text,
            scope=scope,
            owner_agency=agencies[first_agency],
            due_date=first_due,
            created_by=user,
        )
        for agency_name, due, _status in rest:
            scr_action_add(
                recommendation=recommendation,
                description=text,
                owner_agency=agencies[agency_name],
                due_date=due,
                created_by=user,
            )
        statuses = [status for _, _, status in actions]
        created = Action.objects.for_source(recommendation).order_by("created_at")
        for action, status in zip(created, statuses, strict=True):
            action.status = status
            if status == ActionStatus.COMPLETE:
                action.evidence = "Reported to the SCR sub-group with supporting documents."
            action.save()


def _learning(board: Board, review: CaseReview, spec: dict) -> None:
    themes = {theme.name: theme for theme in Theme.objects.filter(board=board)}
    for text, names in spec["lessons"]:
        lesson, _ = Lesson.objects.get_or_create(board=board, review=review, text=text)
        lesson.themes.set([themes[name] for name in names])


def load(board: Board, stdout_write) -> None:
    agencies = {agency.name: agency for agency in Agency.objects.filter(board=board)}
    member = RoleAssignment.objects.filter(board=board, role=Role.SCR_MEMBER).first()
    user = member.user if member else None
    reviews = []
    for spec in REVIEWS:
        review = _review(board, spec, agencies)
        _milestones(board, review, spec, agencies)
        _recommendations(board, review, spec, agencies, user)
        _learning(board, review, spec)
        reviews.append(review)
    panel = [("Designated Nurse for Safeguarding", HEALTH), ("Detective Inspector", POLICE)]
    for review in reviews[:2]:
        for name, agency_name in panel:
            PanelMember.objects.update_or_create(
                board=board, review=review, name=name, defaults={"agency": agencies[agency_name]}
            )
    workshops, _ = Dissemination.objects.update_or_create(
        board=board,
        title="Serious case review workshops for managers and practitioners",
        defaults={"kind": "workshop", "held_on": date(2015, 3, 10)},
    )
    workshops.reviews.set(reviews[:2])
    stdout_write(f"  Case reviews: {CaseReview.objects.filter(board=board).count()}")
