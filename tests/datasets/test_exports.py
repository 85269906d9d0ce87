"""An export of the figures imports again unchanged, as CSV and as XLSX. (That every
export is safe against formula injection is tests/security/test_exports.py.)"""

from datasets.services.exports import export_observations
from datasets.services.imports import import_file

from .factories import catalogue, load


def test_an_export_imports_again_unchanged(board):
    catalogue(board)
    load(
        board,
        [
            ["cp_plans", "2014-15 Q1", "total", 392],
            ["cp_plans", "2014-15 Q1", "category_of_abuse:neglect", 200],
        ],
    )
    for fmt in ("csv", "xlsx"):
        content, name = export_observations(board=board, fmt=fmt)
        result = import_file(filename=name, content=content, boards=[board], dry_run=True)
        assert not result.errors
        assert result.counts == {"new": 0, "changed": 0, "unchanged": 2}
