from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from ..models import Agency, Board, Membership, Person, Sector

# Sectors a board must include: the statutory partners of section 13 of the Children
# Act 2004 (local authority children's services, police, probation, health, CAFCASS),
# schools (section 13(3)(h), from 2010) and lay members (section 13(4A), from 2010).
STATUTORY_SECTORS = [
    Sector.CHILDRENS_SOCIAL_CARE,
    Sector.POLICE,
    Sector.PROBATION,
    Sector.HEALTH,
    Sector.CAFCASS,
    Sector.EDUCATION,
    Sector.LAY,
]


def people(board: Board) -> QuerySet[Person]:
    return Person.objects.filter(board=board).select_related("user")


def memberships(board: Board) -> QuerySet[Membership]:
    return Membership.objects.filter(board=board).select_related("person__user", "agency")


def memberships_current(board: Board, on: date) -> QuerySet[Membership]:
    return memberships(board).current_on(on)


def agencies(board: Board) -> QuerySet[Agency]:
    return Agency.objects.filter(board=board)


@dataclass(frozen=True)
class SectorCover:
    sector: Sector
    members: list[Membership]

    @property
    def is_gap(self) -> bool:
        return not self.members


@dataclass(frozen=True)
class MembershipGaps:
    on: date
    sectors: list[SectorCover]
    agencies_without_member: list[Agency]  # statutory partner agencies

    @property
    def gaps(self) -> list[SectorCover]:
        return [cover for cover in self.sectors if cover.is_gap]


def membership_gaps(board: Board, on: date) -> MembershipGaps:
    """Statutory sectors with no current member, and statutory partner agencies with none."""
    current = list(memberships_current(board, on))
    by_sector: dict[str, list[Membership]] = {}
    for membership in current:
        if membership.agency_id:
            by_sector.setdefault(membership.agency.sector, []).append(membership)
    covered_agencies = {m.agency_id for m in current}
    statutory_agencies = agencies(board).filter(is_statutory_partner=True)
    return MembershipGaps(
        on=on,
        sectors=[SectorCover(s, by_sector.get(s.value, [])) for s in STATUTORY_SECTORS],
        agencies_without_member=[a for a in statutory_agencies if a.pk not in covered_agencies],
    )


def agencies_with_current_members(board: Board, on: date) -> QuerySet[Agency]:
    return (
        agencies(board)
        .select_related("acts_for")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.current_on(on).select_related("person"),
                to_attr="current_memberships",
            )
        )
    )
