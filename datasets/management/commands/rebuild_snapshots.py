from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from board.models import Board
from datasets.services.snapshots import mark_every_year_stale, refresh_stale


class Command(BaseCommand):
    help = (
        "Rebuild every year's dashboard snapshot of the given boards (--board) or of every "
        "board (--all), here and now. The scheduled refresh only rebuilds the years whose "
        "figures changed; this is for after a change it cannot see (a restored backup, a "
        "fix to how dashboards are computed)."
    )

    def add_arguments(self, parser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--board", action="append", dest="boards", metavar="SLUG", help="Repeatable."
        )
        which.add_argument("--all", action="store_true", dest="every_board", help="Every board.")
        parser.add_argument(
            "--mark-only",
            action="store_true",
            help="Only mark the years stale: the workers' scheduled refresh rebuilds them.",
        )

    def handle(self, *args, boards, every_board: bool, mark_only: bool, **options) -> None:
        chosen = list(
            Board.objects.order_by("slug") if every_board else Board.objects.filter(slug__in=boards)
        )
        if boards:
            unknown = sorted(set(boards) - {b.slug for b in chosen})
            if unknown:
                raise CommandError(f"No board with the slug {', '.join(unknown)}")
        marked = refreshed = 0
        failed = []
        for board in chosen:
            with scope(board=board.pk):
                marked += mark_every_year_stale(board)
                if not mark_only:
                    result = refresh_stale(board_ids=[board.pk])
                    refreshed += result["refreshed"] + result["skipped"]
                    failed += result["failed"]
        of = f"{len(chosen)} board" + ("" if len(chosen) == 1 else "s")
        if mark_only:
            self.stdout.write(f"Marked {marked} dashboards of {of} stale.")
            return
        self.stdout.write(f"Rebuilt {refreshed} dashboards of {of}.")
        if failed:
            # Left stale, so the scheduled refresh tries them again.
            raise CommandError(f"{len(failed)} failed (see the log): {', '.join(failed)}")
