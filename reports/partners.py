"""The board's lead safeguarding partners, read in one place: the yearly report's
sign-off asks each of them. For now the statutory partner agencies of the local
authority (children's social care), health and police sectors; to be read from the
partnership model (Agency.partner_role) once it is there."""

from django.db.models import QuerySet

from board.models import Agency, Board, Sector

LEAD_SECTORS = (Sector.CHILDRENS_SOCIAL_CARE, Sector.HEALTH, Sector.POLICE)


def lead_partners(board: Board) -> QuerySet[Agency]:
    return Agency.objects.filter(
        board=board, is_statutory_partner=True, sector__in=LEAD_SECTORS
    ).order_by("name")
