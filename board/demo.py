"""The demo board, modelled on Croydon Safeguarding Children Board as described in its
2014/15 annual review (../shared/reference/): its partner agencies and one user per role.

Other apps add their part of the demo in their own `demo.py` (see `load_demo`)."""

import secrets
from datetime import date
from decimal import Decimal

from django.conf import settings

from . import demo_data, demo_partnership, training_demo
from .models import (
    Action,
    Agency,
    Attendance,
    AttendanceStatus,
    Board,
    BoardRole,
    ExpenditureLine,
    IncomeLine,
    Meeting,
    Membership,
    Objective,
    Person,
    Priority,
    Role,
    RoleAssignment,
    Sector,
    User,
)
from .services.membership import membership_sync_access

DEMO_BOARD = {
    "slug": "croydon",
    "name": "Croydon Safeguarding Children Board",
    "local_authority": "London Borough of Croydon",
}

# (name, sector, statutory partner) – "The Board is made up of representatives from: …"
DEMO_AGENCIES = [
    ("Metropolitan Police Service", Sector.POLICE, True),
    ("Croydon Clinical Commissioning Group", Sector.HEALTH, True),
    ("Croydon Health Services NHS Trust", Sector.HEALTH, True),
    ("South London and Maudsley NHS Foundation Trust", Sector.HEALTH, True),
    ("National Probation Service", Sector.PROBATION, True),
    ("Croydon Voluntary Action", Sector.VOLUNTARY, False),
    ("Croydon Schools", Sector.EDUCATION, False),
    ("Croydon Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE, True),
    ("Croydon Community Safety", Sector.OTHER, False),
    ("Croydon Housing", Sector.HOUSING, False),
    ("Croydon Early Help", Sector.CHILDRENS_SOCIAL_CARE, False),
    ("Croydon Adult Services", Sector.ADULT_SERVICES, False),
    ("Croydon Public Health", Sector.PUBLIC_HEALTH, False),
    ("UK Border Agency", Sector.IMMIGRATION, False),
    ("London Ambulance Service", Sector.AMBULANCE, False),
    ("Lay members", Sector.LAY, False),
    ("Croydon Legal Services", Sector.LEGAL, False),
    ("CAFCASS", Sector.CAFCASS, True),
]

# One demo user per access role: e-mail local part and display name.
DEMO_USERS = {
    Role.BOARD_MANAGER: ("manager", "Demo Board Manager"),
    Role.INDEPENDENT_CHAIR: ("chair", "Demo Independent Chair"),
    Role.SUBGROUP_CHAIR: ("subgroup-chair", "Demo Sub-group Chair"),
    Role.BOARD_MEMBER: ("member", "Demo Board Member"),
    Role.CDOP_MEMBER: ("cdop", "Demo CDOP Member"),
    Role.SCR_MEMBER: ("scr", "Demo SCR Member"),
    Role.LAY_MEMBER: ("lay", "Demo Lay Member"),
    Role.VIEWER: ("viewer", "Demo Viewer"),
    Role.SCRUTINEER: ("scrutineer", "Demo Independent Scrutineer"),
}
DEMO_EMAIL_DOMAIN = "demo.lscb.example"
# Known only in development; elsewhere each demo user gets an unguessable password.
DEVELOPMENT_PASSWORD = "safeguarding-demo-2015"  # noqa: S105 - printed on purpose


def demo_password() -> str:
    return DEVELOPMENT_PASSWORD if settings.SHOW_DEMO_PASSWORDS else secrets.token_urlsafe(24)


def load(stdout_write) -> Board:
    board, _ = Board.objects.update_or_create(
        slug=DEMO_BOARD["slug"], defaults={k: v for k, v in DEMO_BOARD.items() if k != "slug"}
    )
    for name, sector, statutory in DEMO_AGENCIES:
        Agency.objects.update_or_create(
            board=board, name=name, defaults={"sector": sector, "is_statutory_partner": statutory}
        )
    for role, (local_part, full_name) in DEMO_USERS.items():
        email = f"{local_part}@{DEMO_EMAIL_DOMAIN}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, demo_password(), full_name=full_name)
        elif settings.SHOW_DEMO_PASSWORDS:
            user.set_password(DEVELOPMENT_PASSWORD)  # reset, so the printed log-in works
            user.save(update_fields=["password"])
        RoleAssignment.objects.get_or_create(user=user, board=board, role=role)
        if settings.SHOW_DEMO_PASSWORDS:
            stdout_write(f"  {role.label:<22} {email:<36} {DEVELOPMENT_PASSWORD}")
    memberships = load_members(board)
    load_meetings(board, memberships)
    load_plan(board)
    load_budget(board)
    training_demo.load(board)
    # The partnership board, before the other apps' demo steps, which add to it.
    demo_partnership.load(stdout_write)
    return board


# Demo users who are also members: (e-mail local part, board role, agency or None).
MEMBER_USERS = [
    ("chair", BoardRole.INDEPENDENT_CHAIR, None),
    ("manager", BoardRole.BOARD_MANAGER, None),
    ("member", BoardRole.AGENCY_REPRESENTATIVE, "Croydon Clinical Commissioning Group"),
    ("lay", BoardRole.LAY_MEMBER, "Lay members"),
]
BOARD_START = date(2013, 4, 1)


def _membership(board, person, board_role, agency, **extra) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        board=board,
        person=person,
        board_role=board_role,
        defaults={"agency": agency, "start_date": BOARD_START, **extra},
    )
    membership_sync_access(membership=membership)
    return membership


def load_members(board: Board) -> list[Membership]:
    """A representative for each agency (a role title, not a real person's name), and the
    demo users who sit on the board."""
    agencies = {agency.name: agency for agency in Agency.objects.filter(board=board)}
    memberships = []
    for name, agency in agencies.items():
        if agency.sector == Sector.LAY:
            continue
        person, _ = Person.objects.update_or_create(board=board, full_name=f"{name} representative")
        memberships.append(
            _membership(board, person, BoardRole.AGENCY_REPRESENTATIVE, agency, post_title="")
        )
    for local_part, board_role, agency_name in MEMBER_USERS:
        user = User.objects.get(email=f"{local_part}@{DEMO_EMAIL_DOMAIN}")
        person, _ = Person.objects.update_or_create(
            board=board, user=user, defaults={"full_name": user.full_name}
        )
        extra = {"chair_is_independent": True} if board_role == BoardRole.INDEPENDENT_CHAIR else {}
        membership = _membership(board, person, board_role, agencies.get(agency_name), **extra)
        if board_role == BoardRole.INDEPENDENT_CHAIR:
            membership.appointment_agreed_by.set(
                [a for a in agencies.values() if a.is_statutory_partner]
            )
        memberships.append(membership)
    return memberships


def _attendance_status(member_index: int, meeting_index: int) -> str:
    """A steady, made-up pattern: most members attend, some send deputies or apologies."""
    turn = (member_index * 3 + meeting_index) % 7
    return {5: AttendanceStatus.APOLOGIES, 6: AttendanceStatus.DEPUTY}.get(
        turn, AttendanceStatus.PRESENT
    )


def load_meetings(board: Board, memberships: list[Membership]) -> None:
    for meeting_index, (kind, ymd) in enumerate(demo_data.MEETINGS_2014):
        meeting, _ = Meeting.objects.update_or_create(board=board, kind=kind, date=date(*ymd))
        for member_index, membership in enumerate(memberships):
            status = _attendance_status(member_index, meeting_index)
            Attendance.objects.update_or_create(
                board=board,
                meeting=meeting,
                membership=membership,
                defaults={
                    "status": status,
                    "deputy_name": "Deputy" if status == AttendanceStatus.DEPUTY else "",
                },
            )


def load_plan(board: Board) -> None:
    agencies = {agency.name: agency for agency in Agency.objects.filter(board=board)}
    for number, (title, we_said, we_did, impact, actions) in enumerate(demo_data.PLAN_2014, 1):
        priority, _ = Priority.objects.update_or_create(
            board=board, year=2014, number=number, defaults={"title": title}
        )
        objective, _ = Objective.objects.update_or_create(
            board=board,
            priority=priority,
            number=1,
            defaults={"title": title, "we_said": we_said, "we_did": we_did, "impact": impact},
        )
        for description, agency_name, status in actions:
            Action.objects.update_or_create(
                board=board,
                description=description,
                source_object_id=objective.pk,
                defaults={
                    "source": objective,
                    "source_type": "business_plan",
                    "owner_agency": agencies[agency_name],
                    "due_date": date(2015, 3, 31),
                    "status": status,
                    "evidence": "Reported to the Board" if status == "complete" else "",
                },
            )


def load_budget(board: Board) -> None:
    agencies = {agency.name: agency for agency in Agency.objects.filter(board=board)}
    lines = [
        (2013, position, heading, item, budget, outturn)
        for position, (heading, item, budget, outturn) in enumerate(demo_data.EXPENDITURE_2013)
    ] + [
        (2014, position, heading, "", None, outturn)
        for position, (heading, outturn) in enumerate(demo_data.EXPENDITURE_2014)
    ]
    for year, position, heading, item, budget, outturn in lines:
        ExpenditureLine.objects.update_or_create(
            board=board,
            year=year,
            heading=heading,
            item=item,
            defaults={"budget": _money(budget), "outturn": _money(outturn), "position": position},
        )
    income = [
        (2013, position, source, kind, budget, actual)
        for position, (source, kind, budget, actual) in enumerate(demo_data.INCOME_2013)
    ] + [
        (2014, position, source, "contribution", None, actual)
        for position, (source, actual) in enumerate(demo_data.INCOME_2014)
    ]
    for year, position, source, kind, budget, actual in income:
        agency = agencies[source] if kind == "contribution" else None
        IncomeLine.objects.update_or_create(
            board=board,
            year=year,
            kind=kind,
            agency=agency,
            source_name="" if agency else source,
            defaults={"budget": _money(budget), "actual": _money(actual), "position": position},
        )


def _money(value) -> Decimal | None:
    return None if value is None else Decimal(value)
