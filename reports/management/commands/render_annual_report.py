"""Render a board's annual report for a year to a PDF file, as the web's "Make the PDF"
does: the version is stored (or the stored one reused when nothing has changed)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from board.models import Board
from core.periods import FinancialYear
from reports.models import AnnualReport
from reports.rendering_job import version_bytes
from reports.versions import version_render_now


class Command(BaseCommand):
    help = "Render an annual report to PDF: --board SLUG --year 2014-15 --output FILE"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--board", required=True, help="The board's slug")
        parser.add_argument("--year", required=True, help="The financial year, e.g. 2014-15")
        parser.add_argument("--output", required=True, help="Where to write the PDF")

    def handle(self, *args, board: str, year: str, output: str, **options) -> None:
        try:
            financial_year = FinancialYear.parse(year)
        except ValueError as error:
            raise CommandError(str(error)) from None
        found = Board.objects.filter(slug=board).first()
        missing = CommandError(f"No {financial_year.label} report for a board {board!r}.")
        if found is None:
            raise missing
        with scope(board=found):
            report = AnnualReport.objects.filter(
                board=found, start_year=financial_year.start_year
            ).first()
            if report is None:
                raise missing
            version, reused = version_render_now(report=report, by=None)
        Path(output).write_bytes(version_bytes(version))
        how = "unchanged, stored version reused" if reused else "rendered"
        self.stdout.write(
            f"{output}: version {version.number}, {version.pages} pages, {how}, "
            f"SHA-256 {version.sha256}"
        )
