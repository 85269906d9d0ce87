from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from board.board_data import remove_board
from board.models import Board


class Command(BaseCommand):
    help = (
        "Remove a board entirely: its records, stored files and audit log. Cannot be undone: "
        "export it first (export_board). Repeat the slug with --confirm to proceed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--board", required=True, help="the board's slug")
        parser.add_argument("--confirm", required=True, help="the same slug again")

    def handle(self, *args, board: str, confirm: str, **options) -> None:
        if board != confirm:
            raise CommandError("--confirm must repeat the board's slug exactly; nothing removed")
        try:
            found = Board.objects.get(slug=board)
        except Board.DoesNotExist:
            raise CommandError(f"No board with the slug {board!r}") from None
        with scope(board=found):
            removed = remove_board(found)
        summary = ", ".join(f"{count} {what}" for what, count in removed.items())
        self.stdout.write(self.style.SUCCESS(f"Removed {found.name}: {summary}"))
