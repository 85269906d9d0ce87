"""The demo board's sub-groups, as listed in Croydon's 2014/15 annual review, with chairs,
templates and 2014/15 returns in mixed states. Idempotent: what exists is left alone."""

from datetime import UTC, date, datetime, time, timedelta

from board.models import Action, Board, Person, User
from core.periods import FinancialYear

from .demo_data import NARRATIVE, RETURNS
from .models import QuarterlyReturn, SubGroup, SubGroupKind, SubGroupMembership
from .services import returns as services
from .services.deadlines import due_date
from .services.groups import questions_add_defaults, returns_settings, subgroup_member_add
from .services.spec import template_spec

# (name, parent name or None); parents come before their children.
DEMO_SUBGROUPS = [
    ("Executive Steering Group", None),
    ("Child Death Overview Panel", None),
    ("Serious Case Review", None),
    ("Health", None),
    ("Education", None),
    ("MASH – Multi Agency Safeguarding Hub", None),
    ("Child Sexual Exploitation and Missing Children", None),
    ("Quality Assurance Practice and Performance", None),
    ("Learning and Development", "Quality Assurance Practice and Performance"),
    ("Editorial Board", "Quality Assurance Practice and Performance"),
]
KINDS = {"Child Death Overview Panel": SubGroupKind.CDOP, "Serious Case Review": SubGroupKind.SCR}
# Demo user (e-mail local part) -> [(sub-group, role)].
SEATS = {
    "subgroup-chair": [
        ("Health", "chair"),
        ("Education", "chair"),
        ("Serious Case Review", "deputy"),
        # The sub-groups the review reports on, so that each has a chair to send returns.
        ("Quality Assurance Practice and Performance", "chair"),
        ("Learning and Development", "chair"),
        ("Editorial Board", "chair"),
        ("MASH – Multi Agency Safeguarding Hub", "chair"),
        ("Child Sexual Exploitation and Missing Children", "chair"),
    ],
    "cdop": [("Child Death Overview Panel", "chair")],
    "scr": [("Serious Case Review", "chair")],
}
# Business plan actions (board demo) owned by a sub-group.
ACTIONS = {
    "Quality Assurance Practice and Performance": [
        "Complete the biennial Section 11 self-assessment",
        "Audit safeguarding of children with disabilities",
    ],
    "Learning and Development": ["Evaluate the impact of multi-agency training"],
    "MASH – Multi Agency Safeguarding Hub": ["Use the Early Help Assessment to refer to MASH"],
}
DOMAIN = "demo.lscb.example"
YEAR = FinancialYear(2014)
SEATED_FROM = date(2014, 4, 1)


def load(board: Board, stdout_write) -> None:
    for name, parent_name in DEMO_SUBGROUPS:
        parent = SubGroup.objects.get(board=board, name=parent_name) if parent_name else None
        subgroup, _ = SubGroup.objects.update_or_create(
            board=board,
            name=name,
            defaults={"parent": parent, "kind": KINDS.get(name, SubGroupKind.GENERAL)},
        )
        questions_add_defaults(subgroup=subgroup)
        descriptions = ACTIONS.get(name, [])
        if descriptions:
            subgroup.actions.add(*Action.objects.filter(board=board, description__in=descriptions))
    _seats(board)
    _returns(board)


def _seats(board: Board) -> None:
    for local_part, seats in SEATS.items():
        user = User.objects.filter(email=f"{local_part}@{DOMAIN}").first()
        if user is None:
            continue
        person, _ = Person.objects.get_or_create(
            board=board, user=user, defaults={"full_name": user.full_name}
        )
        for name, role in seats:
            subgroup = SubGroup.objects.get(board=board, name=name)
            if not SubGroupMembership.objects.filter(subgroup=subgroup, person=person).exists():
                subgroup_member_add(
                    subgroup=subgroup, person=person, role=role, start_date=SEATED_FROM
                )


def _content(subgroup: SubGroup, position: int) -> dict:
    """The answers of the sub-group's `position`-th return of the year (0 for its first):
    each return its own part of the review's text, the last text for any later one."""
    spec = template_spec(subgroup)
    answers = NARRATIVE.get(subgroup.name, {})

    def answer(text: str) -> str:
        by_return = answers.get(text) or ["Nothing to report."]
        return by_return[min(position, len(by_return) - 1)]

    return {
        "questions": {q["id"]: answer(q["text"]) for q in spec["questions"]},
        "actions": {
            a["id"]: {"status": "on_track", "comment": "On track."} for a in spec["actions"]
        },
        "figures": {},
        "comments": {},
    }


def _chair(subgroup: SubGroup) -> User | None:
    seat = subgroup.memberships.chairs().select_related("person__user").first()
    return seat.person.user if seat else None


def _returns(board: Board) -> None:
    manager = User.objects.filter(email=f"manager@{DOMAIN}").first()
    positions: dict[str, int] = {}
    for name, number, state in RETURNS:
        position = positions[name] = positions.get(name, -1) + 1
        subgroup = SubGroup.objects.get(board=board, name=name)
        quarter = YEAR.quarter(number)
        chair = _chair(subgroup)
        exists = QuarterlyReturn.objects.filter(subgroup=subgroup, period_start=quarter.start)
        if chair is None or manager is None or exists.exists() or state == "not_started":
            continue
        _walk(subgroup, quarter, state, chair, manager, _content(subgroup, position))


def _walk(subgroup, quarter, state, chair, manager, content) -> None:
    """Take a return through the real workflow to the wanted state."""
    args = {"subgroup": subgroup, "quarter": quarter, "content": content, "by": chair}
    if state == "draft":
        services.quarterly_return_save(**args, expected_version=0)
        return
    # Submitted two days before the deadline; Q3's (after Christmas) ten days late.
    due = due_date(quarter, returns_settings(subgroup.board).due_working_days)
    day = due + timedelta(days=10) if quarter.number == 3 else due - timedelta(days=2)
    when = datetime.combine(day, time(12), UTC)
    r = services.quarterly_return_submit(**args, expected_version=0, now=when)
    if state == "approved":
        services.quarterly_return_approve(quarterly_return=r, by=manager)
    elif state == "returned":
        services.quarterly_return_send_back(
            quarterly_return=r, by=manager, reason="Please add progress on the business plan."
        )
