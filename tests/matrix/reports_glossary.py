"""The board's glossary: every board role reads and downloads it; the board manager
adds, changes, removes and imports terms."""

from board.models import ALL_ROLES, Role

from .reports import page

MANAGER = {Role.BOARD_MANAGER}


def _term(context):
    if not hasattr(context, "acronym"):
        from reports.models import Acronym

        context.acronym = Acronym.objects.create(
            board=context.board, term="LSCB", meaning="Local Safeguarding Children Board"
        )
    return context.acronym


def term_kwargs(c):
    return {"board_slug": c.board.slug, "pk": _term(c).pk}


ENTRIES = {
    "reports:glossary": page(ALL_ROLES),
    "reports:glossary-export": page(ALL_ROLES),
    "reports:glossary-add": page(MANAGER),
    "reports:glossary-edit": page(MANAGER, term_kwargs),
    "reports:glossary-remove": page(MANAGER, term_kwargs),
    "reports:glossary-import": page(MANAGER),
    # With no file uploaded first, the page sends the manager to the upload.
    "reports:glossary-import-check": page(MANAGER, ok=302),
}
