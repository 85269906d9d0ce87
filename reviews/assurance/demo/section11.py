"""The demo board's Section 11 self-assessments, modelled on Croydon's reports: the
biennial self-assessment of 2014/15 ("The biennial Section 11 self-assessment process has
begun with agency completion ... Presentation and analysis of the section 11s will be
delivered to the Board in 2015/16"), rated along the themes of the previous round's
analysis (2013/14 annual report): strong senior management engagement; statements of
responsibilities to review where work with children is not the agency's main business;
service development still to draw systematically on the views of children and families;
safer recruitment in place everywhere; inter-agency working a strength. Housing's
follow-up (a bespoke safeguarding training package for all its staff) is the action.

The agency ratings are invented to follow those themes; no counts were published. Safe to
run again: every record is found by its cycle, agency or standard and updated."""

from datetime import date

from board.models import Action, Agency, Board, Role, RoleAssignment
from board.services.actions import action_create

from ..models import (
    RECEIVED,
    CycleKind,
    ModerationOutcome,
    Section11Cycle,
    Section11Rating,
    Section11Return,
    Section11Status,
)
from ..services.section11 import section11_standards

CYCLE = {
    "title": "Section 11 self-assessment 2014/15",
    "kind": CycleKind.BIENNIAL,
    "opens_on": date(2014, 12, 1),
    "due_on": date(2015, 3, 31),
}
# Schools and the lay members are not in the agencies' biennial round.
NOT_IN_CYCLE = {"Croydon Schools", "Lay members"}
# Returns still outstanding: agency -> status (the process "has begun").
OUTSTANDING = {
    "UK Border Agency": None,
    "Croydon Legal Services": None,
    "London Ambulance Service": Section11Status.IN_PROGRESS,
}
G, A, R = "green", "amber", "red"
# Standard number -> agencies rating it amber (everyone else green), after the themes.
AMBER = {
    2: {"Croydon Community Safety", "Croydon Adult Services", "Croydon Housing"},
    3: {"Croydon Voluntary Action"},
    4: {
        "Metropolitan Police Service",
        "Croydon Clinical Commissioning Group",
        "South London and Maudsley NHS Foundation Trust",
        "National Probation Service",
        "Croydon Voluntary Action",
        "Croydon Community Safety",
        "Croydon Adult Services",
        "Croydon Public Health",
        "London Ambulance Service",
    },
    5: {"Croydon Adult Services", "Croydon Community Safety", "Croydon Voluntary Action"},
    8: {"National Probation Service", "Croydon Community Safety"},
}
RED = {(4, "Croydon Housing"), (5, "Croydon Housing")}
EVIDENCE = {
    G: "Arrangements in place and evidenced in the return.",
    A: "Arrangements in place in part; the agency's own action plan sets out what remains.",
    R: "Arrangements not yet in place; an improvement action is agreed with the board.",
}
MODERATION = {
    "Croydon Children's Social Care": (ModerationOutcome.CONFIRMED, "Ratings confirmed."),
    "Metropolitan Police Service": (ModerationOutcome.CONFIRMED, "Ratings confirmed."),
    "Croydon Housing": (
        ModerationOutcome.FURTHER_EVIDENCE,
        "Evidence requested of safeguarding training for frontline housing staff.",
    ),
}
SUBMITTED_ON = date(2015, 3, 20)
MODERATED_ON = date(2015, 5, 12)
HOUSING_ACTION = "Deliver a bespoke safeguarding training package for all housing staff"


def _rag(number: int, agency_name: str) -> str:
    if (number, agency_name) in RED:
        return R
    return A if agency_name in AMBER.get(number, ()) else G


def load(board: Board, write) -> None:
    standards = section11_standards(board=board)
    cycle, _ = Section11Cycle.objects.update_or_create(
        board=board, title=CYCLE["title"], defaults=CYCLE
    )
    agencies = list(Agency.objects.filter(board=board).exclude(name__in=NOT_IN_CYCLE))
    cycle.agencies.set(agencies)
    for agency in agencies:
        if agency.name in OUTSTANDING and OUTSTANDING[agency.name] is None:
            continue
        _return(board, cycle, agency, standards)
    _housing_action(board, cycle)
    received = cycle.returns.filter(status__in=RECEIVED).count()
    write(f"  Section 11 returns: {received} of {len(agencies)} received")


def _return(board, cycle, agency, standards) -> Section11Return:
    status = OUTSTANDING.get(agency.name) or Section11Status.SUBMITTED
    outcome, notes = MODERATION.get(agency.name, ("", ""))
    if outcome:
        status = Section11Status.MODERATED
    received = status in RECEIVED
    section11_return, _ = Section11Return.objects.update_or_create(
        board=board,
        cycle=cycle,
        agency=agency,
        defaults={
            "status": status,
            "submitted_on": SUBMITTED_ON if received else None,
            "moderation_outcome": outcome,
            "moderation_notes": notes,
            "moderated_on": MODERATED_ON if outcome else None,
        },
    )
    section11_return.full_clean()
    # A return in progress has rated the first half of the standards so far.
    rated = standards if received else standards[: len(standards) // 2]
    for standard in rated:
        rag = _rag(standard.number, agency.name)
        Section11Rating.objects.update_or_create(
            board=board,
            section11_return=section11_return,
            standard=standard,
            defaults={"rag": rag, "evidence": EVIDENCE[rag]},
        )
    return section11_return


def _housing_action(board, cycle) -> None:
    housing = cycle.returns.filter(agency__name="Croydon Housing").select_related("agency").first()
    if housing is None or Action.objects.for_source(housing).exists():
        return
    manager = RoleAssignment.objects.filter(board=board, role=Role.BOARD_MANAGER).first()
    action_create(
        board=board,
        description=HOUSING_ACTION,
        owner_agency=housing.agency,
        due_date=date(2015, 9, 30),
        source=housing,
        created_by=manager.user if manager else None,
    )
