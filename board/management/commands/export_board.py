from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from board.board_data import export_board
from board.models import Board


class Command(BaseCommand):
    help = "Write all of one board's data (records, people without passwords, audit log) as JSON."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--board", required=True, help="the board's slug")
        parser.add_argument("--output", required=True, help="file to write, or - for stdout")

    def handle(self, *args, board: str, output: str, **options) -> None:
        try:
            found = Board.objects.get(slug=board)
        except Board.DoesNotExist:
            raise CommandError(f"No board with the slug {board!r}") from None
        with scope(board=found):
            document = export_board(found)
        if output == "-":
            self.stdout.write(document)
            return
        with open(output, "w", encoding="utf-8") as file:
            file.write(document)
        self.stderr.write(f"Wrote {found.name} to {output}")
