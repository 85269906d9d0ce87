"""Onboarding: the host administrator's pages (kind "host"), the board manager's
invitations, the invitation link (public; an unknown link is 404 for everyone), and the
breakdown sets and indicator catalogue import of the datasets app."""

from board.models import Role

from . import Rule, board_page, public

MANAGER = [Role.BOARD_MANAGER]


def _invitation(context, role=Role.BOARD_MEMBER):
    from board.models import Invitation
    from board.services.invitations import invitation_create

    email = f"matrix-{role}@example.org"
    invitation = Invitation.objects.filter(board=context.board, email=email).first()
    if invitation is None:
        invitation = invitation_create(
            board=context.board, email=email, role=role, invited_by=context.users["board_manager"]
        )
    return invitation


def _board_invitation(context) -> dict:
    return {"board_slug": context.board.slug, "pk": _invitation(context).pk}


def _host_invitation(context) -> dict:
    invitation = _invitation(context, Role.BOARD_MANAGER)
    return {"slug": context.board.slug, "pk": invitation.pk}


def _category_set(context):
    from datasets.models import CategorySet

    category_set, _ = CategorySet.objects.get_or_create(
        board=context.board, code="matrix", defaults={"name": "Matrix bands"}
    )
    return category_set


def _category_set_kwargs(context) -> dict:
    return {"board_slug": context.board.slug, "pk": _category_set(context).pk}


def _category_kwargs(context) -> dict:
    from datasets.models import Category

    category_set = _category_set(context)
    category, _ = Category.objects.get_or_create(
        board=context.board, category_set=category_set, code="a", defaults={"label": "A"}
    )
    return {"board_slug": context.board.slug, "pk": category.pk}


def _catalogue_import(context) -> dict:
    from datasets.models import CatalogueImport

    batch, _ = CatalogueImport.objects.get_or_create(
        board=context.board, filename="matrix.csv", defaults={"sha256": "0" * 64, "rows": []}
    )
    return {"board_slug": context.board.slug, "pk": batch.pk}


def host(**options) -> Rule:
    return Rule("host", **options)


def page(roles, kwargs, **options) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=kwargs, **options)


HOST_BOARD = {"kwargs": lambda c: {"slug": c.board.slug}}

ENTRIES = {
    "invitation-list": board_page(MANAGER),
    "invitation-create": board_page(MANAGER),
    "invitation-resend": page(MANAGER, _board_invitation),
    "invitation-revoke": page(MANAGER, _board_invitation),
    # A link that names no invitation, and the answer page with no link opened: the same
    # "cannot be used" page for everyone.
    "invitation-accept": public(data={"key": "not-a-real-token"}, ok=404),
    "invitation-answer": public(ok=404),
    "host-boards": host(),
    "host-board-create": host(),
    "host-board-detail": host(**HOST_BOARD),
    "host-invite-manager": host(**HOST_BOARD),
    "host-invitation-resend": host(kwargs=_host_invitation),
    "host-invitation-revoke": host(kwargs=_host_invitation),
    "datasets:breakdown-list": board_page(),
    "datasets:breakdown-create": board_page(MANAGER),
    "datasets:breakdown-detail": page(list(Role), _category_set_kwargs),
    "datasets:breakdown-edit": page(MANAGER, _category_set_kwargs),
    "datasets:breakdown-delete": page(MANAGER, _category_set_kwargs),
    "datasets:category-create": page(
        MANAGER, lambda c: {"board_slug": c.board.slug, "set_pk": _category_set(c).pk}
    ),
    "datasets:category-edit": page(MANAGER, _category_kwargs),
    "datasets:category-delete": page(MANAGER, _category_kwargs),
    "datasets:catalogue-import": board_page(MANAGER),
    "datasets:catalogue-import-preview": page(MANAGER, _catalogue_import),
    # An empty file cannot be applied: the manager is sent back to its preview.
    "datasets:catalogue-import-apply": page(MANAGER, _catalogue_import, method="post", ok=302),
}
