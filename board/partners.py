"""Who makes up a safeguarding children partnership: its three lead safeguarding partners,
the partners they delegated to, the relevant agencies named in its published
arrangements, its chair and its independent scrutineer (Working Together 2023).

Reads only; other apps (the yearly report's sign-off, the statutory calendar) ask here
who the lead partners are rather than filtering agencies themselves."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from .models import LEAD_SECTORS, Agency, Board, BoardRole, Membership, PartnerRole, Role, User


def lead_partners(board: Board) -> QuerySet[Agency]:
    """The board's lead safeguarding partners (at most one per lead sector)."""
    return Agency.objects.filter(board=board, partner_role=PartnerRole.LEAD).order_by("name")


def delegated_partners(board: Board) -> QuerySet[Agency]:
    return Agency.objects.filter(board=board, partner_role=PartnerRole.DELEGATED).select_related(
        "acts_for"
    )


def relevant_agencies(board: Board) -> QuerySet[Agency]:
    return Agency.objects.filter(board=board, partner_role=PartnerRole.RELEVANT)


def scrutineers(board: Board) -> QuerySet[User]:
    """The people holding the independent scrutineer's role on the board."""
    return User.objects.filter(
        role_assignments__board=board, role_assignments__role=Role.SCRUTINEER, is_active=True
    ).order_by("full_name", "email")


@dataclass(frozen=True)
class Arrangements:
    leads: list[Agency]
    delegated: list[Agency]
    relevant: list[Agency]
    chairs: list[Membership]
    scrutineers: list[User]
    missing_lead_sectors: list[str]


def arrangements(board: Board, today: date) -> Arrangements:
    """Everything the "Partnership arrangements" page lists, in a fixed number of queries."""
    leads = list(lead_partners(board))
    chairs = (
        Membership.objects.filter(board=board, board_role=BoardRole.INDEPENDENT_CHAIR)
        .current_on(today)
        .select_related("person")
    )
    sectors = {agency.sector for agency in leads}
    return Arrangements(
        leads=leads,
        delegated=list(delegated_partners(board)),
        relevant=list(relevant_agencies(board)),
        chairs=list(chairs),
        scrutineers=list(scrutineers(board)),
        missing_lead_sectors=[name for key, name in LEAD_SECTORS.items() if key not in sectors],
    )
