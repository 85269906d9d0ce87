from .approval import report_approve, report_publish
from .cover import cover_edit
from .editing import (
    report_titles,
    section_add,
    section_edit,
    section_move,
    section_preview,
    section_remove,
    section_write,
)
from .images import image, image_add, image_list, image_remove
from .published import published
from .report import checks, index, report_create, report_detail, report_state
from .template_pages import (
    template_copy,
    template_copy_builtin,
    template_detail,
    template_edit,
    template_export,
    template_import,
    template_list,
)
from .versions import (
    render_request,
    version,
    version_download,
    version_status,
    version_try_again,
)
from .yearly import scrutiny, send_on, sign_off

__all__ = [
    "scrutiny",
    "send_on",
    "sign_off",
    "checks",
    "cover_edit",
    "image",
    "image_add",
    "image_list",
    "image_remove",
    "index",
    "published",
    "render_request",
    "report_approve",
    "report_create",
    "report_detail",
    "report_publish",
    "report_state",
    "report_titles",
    "section_add",
    "section_edit",
    "section_move",
    "section_preview",
    "section_remove",
    "section_write",
    "template_copy",
    "template_copy_builtin",
    "template_detail",
    "template_edit",
    "template_export",
    "template_import",
    "template_list",
    "version",
    "version_download",
    "version_status",
    "version_try_again",
]
