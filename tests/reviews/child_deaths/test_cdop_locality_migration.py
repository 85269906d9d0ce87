"""Migration 0008 on a database with typed areas of residence: the text is kept for the
panel, no case is given an area it was not given on the board's list, and a board on the
old default of hiding counts below 5 now hides counts of 1 to 5."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import BoardFactory

BEFORE = [("reviews", "0007_inspections")]
AFTER = [("reviews", "0008_cdop_localities")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_typed_areas_are_kept_for_the_panel_and_every_case_starts_not_recorded():
    board = BoardFactory()
    old = migrate(BEFORE)
    # The board was made with its settings (board.setup): give them the old default.
    old.get_model("reviews", "CdopSettings").objects.filter(board_id=board.pk).update(
        suppress_below=5
    )
    old.get_model("reviews", "CdopCase").objects.create(
        board_id=board.pk,
        number="CDOP-2013-14-001",
        date_of_birth=date(2013, 5, 1),
        date_of_death=date(2013, 5, 10),
        notified_on=date(2013, 5, 11),
        locality="14 Acacia Road",
    )
    try:
        # Read through the migration's own models: the tables are renamed later, when
        # reviews/ is split into apps (reviews/migrations/0009).
        new = migrate(AFTER)
        case = new.get_model("reviews", "CdopCase").objects.get(board_id=board.pk)
        assert (case.locality_id, case.locality_as_typed) == (None, "14 Acacia Road")
        settings = new.get_model("reviews", "CdopSettings").objects.get(board_id=board.pk)
        assert settings.suppress_below == 6
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
