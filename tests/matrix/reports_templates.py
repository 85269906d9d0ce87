"""Report templates edited in one place (issue 21): their settings, their file to download
and import, and the report's own title. All for the board manager alone."""

from board.models import Role

from .reports import page, template_kwargs, year_kwargs

MANAGER = {Role.BOARD_MANAGER}

ENTRIES = {
    "reports:template-edit": page(MANAGER, template_kwargs),
    "reports:template-export": page(MANAGER, template_kwargs),
    "reports:template-import": page(MANAGER),
    "reports:report-title": page(MANAGER, year_kwargs),
}
