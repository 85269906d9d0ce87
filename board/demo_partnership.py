"""The demo's second board: a safeguarding children partnership, illustrative, after
Croydon's published arrangements (since 29 September 2019): the three lead partners, the
partners they delegated to, relevant agencies, a partnership chair, an independent
scrutineer and their plan for this year, with two findings, one taken to the challenge
log.

Made by the board's own demo step, before the other apps' demo modules run: they look
this board up by `SLUG` and add their part (incidents, reviews, the yearly report) when
it exists. Safe to run again."""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django_scopes import scope

from core.years import this_year

from .models import (
    Agency,
    Board,
    BoardArrangement,
    BoardRole,
    Membership,
    PartnerRole,
    Person,
    Role,
    RoleAssignment,
    ScrutinyArea,
    ScrutinyFinding,
    Sector,
    User,
)
from .services.membership import membership_sync_access
from .services.scrutiny import scrutiny_challenge_raise, scrutiny_finding_save

SLUG = "croydon-partnership"
DEMO_PARTNERSHIP = {
    "name": "Croydon Safeguarding Children Partnership (illustrative)",
    "local_authority": "London Borough of Croydon",
    "arrangement": BoardArrangement.PARTNERSHIP,
    "partnership_since": date(2019, 9, 29),
}
LEADS = [
    ("Croydon Council", Sector.CHILDRENS_SOCIAL_CARE),
    ("NHS South West London ICB", Sector.HEALTH),
    ("Metropolitan Police", Sector.POLICE),
]
# (name, sector, role, the lead it acts for)
OTHERS = [
    ("Croydon Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE, PartnerRole.DELEGATED,
     "Croydon Council"),
    ("Croydon Health Services NHS Trust", Sector.HEALTH, PartnerRole.DELEGATED,
     "NHS South West London ICB"),
    ("Metropolitan Police South Area", Sector.POLICE, PartnerRole.DELEGATED,
     "Metropolitan Police"),
    ("Croydon Schools", Sector.EDUCATION, PartnerRole.RELEVANT, None),
    ("Probation Service", Sector.PROBATION, PartnerRole.RELEVANT, None),
    ("CAFCASS", Sector.CAFCASS, PartnerRole.RELEVANT, None),
    ("Croydon Voluntary Action", Sector.VOLUNTARY, PartnerRole.RELEVANT, None),
]  # fmt: skip
# e-mail local part, name, access role, board role (for a member) or None
USERS = [
    ("partnership-manager", "Demo Partnership Manager", Role.BOARD_MANAGER,
     BoardRole.BOARD_MANAGER),
    ("partnership-chair", "Demo Partnership Chair", Role.INDEPENDENT_CHAIR,
     BoardRole.INDEPENDENT_CHAIR),
    ("partnership-scrutineer", "Demo Independent Scrutineer (partnership)", Role.SCRUTINEER,
     None),
]  # fmt: skip
AREAS = [
    ("Learning from reviews taken up", "Whether the actions from rapid reviews and CSPRs "
     "changed practice at the front door.", 30, 120),
    ("Voice of the child", "How children's and families' views shaped the partnership's "
     "priorities.", 150, 240),
]  # fmt: skip
FINDINGS = [
    ("Learning from reviews taken up", 60, "Two of the five actions from last year's rapid "
     "reviews have no evidence of completion beyond the owning agency's word.",
     "Action tracker, filtered to case review actions", "Croydon Health Services NHS Trust"),
    ("Voice of the child", 170, "The yearly report's draft says little about how children's "
     "views were used.", "Yearly report draft, section on participation", None),
]  # fmt: skip


def load(write) -> Board:
    """Make (or bring up to date) the partnership board; run with scopes disabled."""
    from .demo import (  # noqa: PLC0415 - demo.py calls this module: imported on use
        DEMO_EMAIL_DOMAIN,
        DEVELOPMENT_PASSWORD,
        demo_password,
    )

    board, _ = Board.objects.update_or_create(slug=SLUG, defaults=DEMO_PARTNERSHIP)
    with scope(board=board):
        agencies = _agencies(board)
        for local_part, full_name, role, board_role in USERS:
            email = f"{local_part}@{DEMO_EMAIL_DOMAIN}"
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email, demo_password(), full_name=full_name)
            elif settings.SHOW_DEMO_PASSWORDS:
                user.set_password(DEVELOPMENT_PASSWORD)
                user.save(update_fields=["password"])
            RoleAssignment.objects.get_or_create(user=user, board=board, role=role)
            if board_role is not None:
                _member(board, user, board_role, agencies)
            if settings.SHOW_DEMO_PASSWORDS:
                write(f"  {board.slug}: {role.label:<22} {email:<36} {DEVELOPMENT_PASSWORD}")
        _scrutiny(board, agencies, f"partnership-scrutineer@{DEMO_EMAIL_DOMAIN}")
    return board


def _agencies(board: Board) -> dict[str, Agency]:
    agencies = {}
    for name, sector in LEADS:
        agencies[name], _ = Agency.objects.update_or_create(
            board=board,
            name=name,
            defaults={"sector": sector, "is_statutory_partner": True, "partner_role": "lead"},
        )
    for name, sector, partner_role, lead in OTHERS:
        agencies[name], _ = Agency.objects.update_or_create(
            board=board,
            name=name,
            defaults={
                "sector": sector,
                "is_statutory_partner": partner_role == PartnerRole.DELEGATED,
                "partner_role": partner_role,
                "acts_for": agencies.get(lead),
            },
        )
    return agencies


def _member(board: Board, user: User, board_role: str, agencies: dict[str, Agency]) -> None:
    person, _ = Person.objects.update_or_create(
        board=board, user=user, defaults={"full_name": user.full_name}
    )
    chair = board_role == BoardRole.INDEPENDENT_CHAIR
    membership, _ = Membership.objects.update_or_create(
        board=board,
        person=person,
        board_role=board_role,
        defaults={
            "start_date": DEMO_PARTNERSHIP["partnership_since"],
            **({"chair_is_independent": True} if chair else {}),
        },
    )
    if chair:
        membership.appointment_agreed_by.set([agencies[name] for name, _ in LEADS])
    membership_sync_access(membership=membership)


def _scrutiny(board: Board, agencies: dict[str, Agency], scrutineer_email: str) -> None:
    """This year's plan, dated from the year's start so the page never opens empty."""
    year = this_year()
    areas = {}
    for title, description, start, end in AREAS:
        areas[title], _ = ScrutinyArea.objects.update_or_create(
            board=board,
            year=year.start_year,
            title=title,
            defaults={
                "description": description,
                "planned_start": year.start + timedelta(days=start),
                "planned_end": year.start + timedelta(days=end),
            },
        )
    scrutineer = User.objects.get(email=scrutineer_email)
    for area_title, day, text, evidence, challenged in FINDINGS:
        found_on = min(year.start + timedelta(days=day), timezone.localdate())
        finding = ScrutinyFinding.objects.filter(board=board, text=text).first()
        if finding is None:
            finding = ScrutinyFinding(board=board, text=text)
        finding.area, finding.found_on, finding.evidence = areas[area_title], found_on, evidence
        finding = scrutiny_finding_save(finding=finding, by=scrutineer)
        if challenged and finding.challenge_id is None:
            scrutiny_challenge_raise(
                finding=finding,
                agency=agencies[challenged],
                issue=f"Show the evidence of completion: {text}",
                raised_on=found_on,
                by=scrutineer,
            )
