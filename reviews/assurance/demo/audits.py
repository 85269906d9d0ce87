"""The demo board's audits, modelled on what Croydon's 2014/15 annual review says of the
board's audit programme (../shared/reference/croydon-lscb-annual-review-2014-15.txt):

    "an audit of 73 vulnerable adolescents, identified by practitioners as being those
    they were 'worried about'" ... "In June 2014 an audit of 73 of the most vulnerable
    adolescents was published and presented to the CSCB"; "We have referred the
    recommendation from the Vulnerable Teenage Adult audit to develop a strategy for
    Teenagers to the Children's Partnership".

    "The MASH audit undertaken October 2014 to January 2015 indicated that MASH decision
    making was generally sound with the majority of cases audited (96/135) rated as good
    or outstanding" ... "raised a question about the use of Police powers of Protection.
    This has prompted ... a joint audit conducted by Police, Social Care and the CSCB into
    each of the 59 cases when Police Protection was used between January to June 2015."

From the report: the titles' subjects, the sample sizes (73, 135, 59), the MASH audit's 96
cases rated good or outstanding, its period, the police protection audit's period, and the
findings and recommendations (reworded). Illustrative, because the report does not say:
the split of the 96 into 20 outstanding and 76 good, the 39 others as 33 requiring
improvement and 6 inadequate, the vulnerable adolescents audit's period, the owners, due
dates and progress of the actions, and the pre-birth and under one audit's period and sample
size. The three audits without published ratings have none.

Safe to run again: audits are found by title, findings and recommendations by their text,
and an action's progress is recorded only while it is not yet at the demo's status.
"""

from datetime import date

from board.models import Action, ActionStatus, Agency, Board, User
from board.services.actions import action_add_update

from ..models import Audit, AuditFinding, AuditRecommendation
from ..services.audits import (
    audit_create,
    audit_finding_add,
    audit_recommendation_create,
    audit_update,
    rating_levels,
)

QAPP = "Quality assurance, practice and performance sub-group"
POLICE = "Metropolitan Police Service"
SOCIAL_CARE = "Croydon Children's Social Care"
EARLY_HELP = "Croydon Early Help"

# Each recommendation: (text, owning agency, due date, demo status, progress note).
AUDITS = [
    {
        "title": "Vulnerable adolescents: young people practitioners are worried about",
        "audit_type": "multi_agency",
        "commissioned_by": QAPP,
        "period_start": date(2013, 11, 1),
        "period_end": date(2014, 4, 30),
        "sample_size": 73,
        "ratings": {},
        "findings": [
            "Young people told the audit that more should be done earlier to prevent family "
            "breakdown and to improve relationships at home.",
            "Practitioners need to understand why young people behave as they do, including "
            "why they go missing, and to address the reasons.",
            "Practitioners need to improve their awareness of the indicators of child sexual "
            "exploitation and to recognise when a young person is at risk of going missing.",
        ],
        "recommendations": [
            (
                "Develop a strategy for teenagers, led by the Children's Partnership as the "
                "most appropriate forum.",
                SOCIAL_CARE,
                date(2015, 9, 30),
                ActionStatus.ON_TRACK,
                "Referred to the Children's Partnership; the vulnerable adolescents "
                "conferences are informing the strategy.",
            ),
            (
                "Commission training on engaging vulnerable young people and use the audit's "
                "learning in the serious case review workshops.",
                SOCIAL_CARE,
                date(2015, 3, 31),
                ActionStatus.COMPLETE,
                "Engaging Vulnerable Young People training is in the new learning and "
                "development programme.",
            ),
        ],
    },
    {
        "title": "Multi-Agency Safeguarding Hub (MASH) threshold decisions",
        "audit_type": "independent",
        "commissioned_by": QAPP,
        "period_start": date(2014, 10, 1),
        "period_end": date(2015, 1, 31),
        "sample_size": 135,
        # From the report: 96 good or outstanding. The split, and the other 39, are
        # illustrative (the report publishes neither).
        "ratings": {
            "Outstanding": 20,
            "Good": 76,
            "Requires improvement": 33,
            "Inadequate": 6,
        },
        "findings": [
            "Decision making in the MASH was generally sound: thresholds were applied "
            "appropriately and in good time.",
            "The audit raised a question about the thresholds applied when the police use "
            "their powers of protection.",
            "There is significantly more work to do to develop early help, in particular a "
            "systematic step-up and step-down process with partners acting as lead "
            "professionals.",
        ],
        "recommendations": [
            (
                "Audit jointly, with the police and children's social care, the cases in "
                "which police powers of protection were used.",
                POLICE,
                date(2015, 6, 30),
                ActionStatus.COMPLETE,
                "Joint audit of the police protection cases of January to June 2015 done.",
            ),
            (
                "Follow up the operational issues the audit raised, such as the service "
                "level agreement with the Contact Centre.",
                SOCIAL_CARE,
                date(2015, 9, 30),
                ActionStatus.ON_TRACK,
                "Service level agreement under review.",
            ),
            (
                "Develop a systematic step-up and step-down process between early help and "
                "children's social care.",
                EARLY_HELP,
                date(2016, 3, 31),
                ActionStatus.AT_RISK,
                "Early help guidance launched; the step-down process is not yet agreed.",
            ),
        ],
    },
    {
        # "the Board has commissioned three very different audits; Vulnerable Adolescents,
        # MASH thresholds and multi-agency Pre-birth and Under One" (completed "earlier this
        # year", with an audit day). Its period and sample size are illustrative: the review
        # publishes neither.
        "title": "Pre-birth and under one: multi-agency working with infants",
        "audit_type": "multi_agency",
        "commissioned_by": QAPP,
        "period_start": date(2015, 1, 1),
        "period_end": date(2015, 3, 31),
        "sample_size": 24,
        "ratings": {},
        "findings": [
            "Professionals did not work together enough during pregnancy and early infancy.",
            "Fathers and other key men in the children's lives were too rarely engaged or "
            "assessed.",
        ],
        "recommendations": [
            (
                "Establish a multi-agency pre-birth and under one project, and audit practice "
                "again to see the impact of improvements.",
                SOCIAL_CARE,
                date(2016, 3, 31),
                ActionStatus.ON_TRACK,
                "The vulnerable women's group at Croydon University Hospital is established.",
            ),
            (
                "Establish a project on engaging, assessing and working with fathers.",
                EARLY_HELP,
                date(2016, 3, 31),
                ActionStatus.NOT_STARTED,
                "",
            ),
        ],
    },
    {
        "title": "Use of police powers of protection",
        "audit_type": "multi_agency",
        "commissioned_by": QAPP,
        "period_start": date(2015, 1, 1),
        "period_end": date(2015, 6, 30),
        "sample_size": 59,
        "ratings": {},
        "findings": [
            "The joint audit promoted much greater dialogue between the police and "
            "children's social care, and understanding of their differing perspectives.",
        ],
        "recommendations": [
            (
                "Agree a protocol on the arrangements for children taken into police protection.",
                POLICE,
                date(2015, 12, 31),
                ActionStatus.ON_TRACK,
                "A draft protocol is being considered by the police and children's social care.",
            ),
        ],
    },
]
AUDIT_FIELDS = ("title", "audit_type", "commissioned_by", "period_start", "period_end",
                "sample_size")  # fmt: skip


def load(board: Board, stdout_write) -> None:
    levels = {level.name: level for level in rating_levels(board=board)}
    agencies = {agency.name: agency for agency in Agency.objects.filter(board=board)}
    chair = User.objects.filter(email="subgroup-chair@demo.lscb.example").first()
    manager = User.objects.filter(email="manager@demo.lscb.example").first()
    for spec in AUDITS:
        audit = _audit(board, spec, levels)
        for text in spec["findings"]:
            if not AuditFinding.objects.filter(board=board, audit=audit, text=text).exists():
                audit_finding_add(audit=audit, text=text)
        for text, owner, due, status, note in spec["recommendations"]:
            recommendation = AuditRecommendation.objects.filter(
                board=board, audit=audit, text=text
            ).first() or audit_recommendation_create(
                audit=audit,
                text=text,
                owner_agency=agencies[owner],
                due_date=due,
                created_by=chair,
            )
            _progress(recommendation, status, note, manager)
    stdout_write(f"  Audits: {Audit.objects.filter(board=board).count()}")


def _audit(board: Board, spec: dict, levels: dict) -> Audit:
    fields = {name: spec[name] for name in AUDIT_FIELDS}
    counts = {levels[name]: count for name, count in spec["ratings"].items()}
    existing = Audit.objects.filter(board=board, title=spec["title"]).first()
    if existing is None:
        return audit_create(board=board, counts=counts, **fields)
    return audit_update(audit=existing, counts=counts, **fields)


def _progress(recommendation: AuditRecommendation, status: str, note: str, author) -> None:
    """Bring the recommendation's action to the demo's status, once."""
    action = Action.objects.for_source(recommendation).first()
    if action is None or author is None or action.status == status:
        return
    evidence = note if status == ActionStatus.COMPLETE else None
    on = min(action.due_date, date(2015, 6, 30))
    action_add_update(
        action=action, author=author, text=note, status=status, on=on, evidence=evidence
    )
