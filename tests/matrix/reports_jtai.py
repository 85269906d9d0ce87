"""The JTAI readiness pack: the board manager and the chair make packs and read them."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from board.models import Role

from . import Rule, board_page

MAKERS = {Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR}


def pack_kwargs(context) -> dict:
    from reports.jtai.models import JtaiPack, PackStatus

    if not hasattr(context, "jtai_pack"):
        today = timezone.localdate()
        pdf = default_storage.save("jtai/matrix-test.pdf", ContentFile(b"%PDF-1.7 test"))
        xlsx = default_storage.save("jtai/matrix-test.xlsx", ContentFile(b"PK test"))
        context.jtai_pack = JtaiPack.objects.create(
            board=context.board, period_start=today, period_end=today,
            status=PackStatus.READY, pdf_file=pdf, xlsx_file=xlsx,
        )  # fmt: skip
    return {"board_slug": context.board.slug, "pack_id": context.jtai_pack.pk}


def page(**options) -> Rule:
    return Rule("board", roles=frozenset(MAKERS), kwargs=pack_kwargs, **options)


ENTRIES = {
    "jtai:index": board_page(MAKERS),
    "jtai:pack-create": board_page(MAKERS, method="post", ok=302),
    "jtai:pack": page(),
    "jtai:pack-status": page(),
    "jtai:pack-download": Rule(
        "board", roles=frozenset(MAKERS), kwargs=lambda c: {**pack_kwargs(c), "kind": "xlsx"}
    ),
}
