import uuid

from board.models import ALL_ROLES

from . import api_board, api_signed_in, board_kwargs, signed_in


def agency_kwargs(context) -> dict:
    from tests.factories import AgencyFactory

    return {**board_kwargs(context), "id": AgencyFactory(board=context.board).pk}


ENTRIES = {
    "api:board-list": api_signed_in(),
    # Any slug: the caller sees a board only where they hold a role.
    "api:board-detail": api_board(kwargs=lambda c: {"slug": c.board.slug}),
    "api:agency-list": api_board(ALL_ROLES),
    "api:agency-detail": api_board(ALL_ROLES, kwargs=agency_kwargs),
    "api:schema": api_signed_in(),
    "api:docs": api_signed_in(),
    "api:token-list": signed_in(),
    "api:token-create": signed_in(),
    # Nobody's token but the owner's can be revoked: any other id is not found.
    "api:token-revoke": signed_in(ok=404, kwargs=lambda c: {"token_id": uuid.uuid4()}),
}
