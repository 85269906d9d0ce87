"""Asking for a pack: one click records it with its six months and queues the job that
builds it (core.jobs.outbox, in the same transaction), so the page answers at once."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from board.models import Board, Role
from core.jobs.models import ACTIVE
from core.jobs.outbox import enqueue

from .models import JtaiPack, PackStatus

# The board manager and the chair make packs, and they alone read them.
MAKERS = (Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR)
# A Joint Targeted Area Inspection looks at the last six months.
MONTHS = 6


def six_months_to(day: date) -> tuple[date, date]:
    """The six months up to and including `day`: 1 December back to 2 June."""
    return day - relativedelta(months=MONTHS) + relativedelta(days=1), day


@transaction.atomic
def pack_request(*, board: Board, user, today: date | None = None) -> JtaiPack:
    from .tasks import build_jtai_pack  # tasks import the building, which imports us

    since, until = six_months_to(today or timezone.localdate())
    # A second click while a pack of the same six months is being made joins it.
    being_made = JtaiPack.objects.filter(
        board=board, period_end=until, status=PackStatus.WAITING, job__status__in=ACTIVE
    ).first()
    if being_made is not None:
        return being_made
    pack = JtaiPack(board=board, period_start=since, period_end=until, requested_by=user)
    pack.full_clean()
    pack.save()
    pack.job = enqueue(
        build_jtai_pack, str(pack.pk), board_id=board.pk, dedupe_key=f"jtai.build:{pack.pk}"
    )
    pack.save(update_fields=["job", "updated_at"])
    return pack
