"""The datasets app: every board role reads dashboards and indicators and exports; the
board manager changes indicators and imports; manager and chair see data quality."""

from board.models import ALL_ROLES, Role

from . import Rule, board_kwargs, board_page

MANAGER = [Role.BOARD_MANAGER]
QUALITY = [Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR, Role.SCRUTINEER]


def _indicator(context) -> dict:
    from datasets.models import Indicator

    indicator, _ = Indicator.objects.get_or_create(
        board=context.board, code="matrix", defaults={"name": "Matrix", "theme": "Test"}
    )
    return {"board_slug": context.board.slug, "pk": indicator.pk}


def _batch(context) -> dict:
    from datasets.models import ImportBatch

    batch, _ = ImportBatch.objects.get_or_create(
        board=context.board, filename="matrix.csv", defaults={"sha256": "0" * 64, "rows": []}
    )
    return {"board_slug": context.board.slug, "pk": batch.pk}


def _applying_batch(context) -> dict:
    """A big file whose apply is waiting for the worker: its progress answers 200."""
    from datetime import timedelta

    from django.utils import timezone

    from core.jobs.models import Job
    from datasets.models import ImportBatch

    batch, _ = ImportBatch.objects.get_or_create(
        board=context.board, filename="matrix-big.csv", defaults={"sha256": "1" * 64}
    )
    if batch.job_id is None:
        batch.job = Job.objects.create(
            task_name="datasets.tasks.apply_import_batch", board_id=context.board.pk,
            time_limit_seconds=600, expires_at=timezone.now() + timedelta(hours=1),
        )  # fmt: skip
        batch.save(update_fields=["job"])
    return {"board_slug": context.board.slug, "pk": batch.pk}


def page(roles=ALL_ROLES, kwargs=board_kwargs, **options) -> Rule:
    """A board page about one record (board_page fixes its URL kwargs to the board's)."""
    return Rule("board", roles=frozenset(roles), kwargs=kwargs, **options)


ENTRIES = {
    "datasets:dashboard": board_page(),
    "datasets:indicator-list": board_page(),
    "datasets:indicator-detail": page(kwargs=_indicator),
    "datasets:indicator-create": board_page(MANAGER),
    "datasets:indicator-edit": page(MANAGER, kwargs=_indicator),
    "datasets:install-starter": board_page(MANAGER, method="post", ok=302),
    "datasets:import": board_page(MANAGER),
    "datasets:import-preview": page(MANAGER, kwargs=_batch),
    # An empty file cannot be applied: the manager is sent back to its preview.
    "datasets:import-apply": page(MANAGER, kwargs=_batch, method="post", ok=302),
    # The matrix's batch is an empty file: its one problem ("The file is empty") downloads.
    "datasets:import-progress": page(MANAGER, kwargs=_applying_batch),
    "datasets:import-problems-download": page(MANAGER, kwargs=_batch),
    "datasets:export": board_page(),
    "datasets:quality": board_page(QUALITY),
}
