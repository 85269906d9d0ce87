from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from board.models import Board
from datasets.services.imports import import_file


class Command(BaseCommand):
    help = (
        "Import observations and benchmarks from a CSV or XLSX file in the long format "
        "(board, indicator, period, breakdown, value, qualifier[, value_high, status, "
        "comparator]). All-or-nothing; importing the same file again changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--board",
            action="append",
            dest="boards",
            metavar="SLUG",
            help="Only allow rows for this board (repeatable). Default: any board.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check and preview only.")

    def handle(self, *args, file: Path, boards, dry_run: bool, **options) -> None:
        if not file.exists():
            raise CommandError(f"{file} does not exist")
        allowed = Board.objects.filter(slug__in=boards) if boards else Board.objects.all()
        allowed = list(allowed)
        if boards and len(allowed) != len(set(boards)):
            raise CommandError("Unknown board in --board")
        with scope(board=[b.pk for b in allowed]):  # a file may hold several boards' rows
            preview = import_file(
                filename=file.name, content=file.read_bytes(), boards=allowed, dry_run=dry_run
            )
        if preview.errors:
            for error in preview.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(preview.errors)} problems; nothing was imported")
        counts = preview.counts
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb}: {counts['new']} new, {counts['changed']} changed, "
            f"{counts['unchanged']} unchanged"
        )
