"""The demo board, modelled on Croydon Safeguarding Children Board as described in its
2014/15 annual review (../shared/reference/): its partner agencies and one user per role.

Other apps add their part of the demo in their own `demo.py` (see `load_demo`)."""

import secrets

from django.conf import settings

from .models import Agency, Board, Role, RoleAssignment, Sector, User

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
    return board
