"""Import: every bad row reported by row and column, all-or-nothing, idempotent."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from board.models import AuditEntry
from datasets.models import Benchmark, ImportStatus, Observation, Snapshot
from datasets.services.imports import import_apply, import_file, import_preview

from .factories import HEADER, catalogue, csv_bytes

GOOD = [
    ["cp_plans", "2014-15 Q1", "total", "392", ""],
    ["cp_plans", "2014-15 Q1", "category_of_abuse:neglect", "200", ""],
    ["cp_plans", "2014-15 Q1", "Emotional abuse", "192", ""],
    ["private_fostering", "2014-04", "", "20", "approximately"],
    ["training_attendance", "2014-15", "total", "400", "range"],
]


def rows_for(board, rows):
    return [[board.slug, *row] for row in rows]


@pytest.fixture
def indicators(board):
    return catalogue(board)


def preview(board, rows, header=HEADER):
    return import_file(
        filename="f.csv",
        content=csv_bytes(rows_for(board, rows), header),
        boards=[board],
        dry_run=True,
    )


def test_a_good_file_previews_then_applies_and_a_second_time_changes_nothing(
    board, indicators, manager
):
    rows = [r + ["" if r[-1] != "range" else "450"] for r in GOOD]
    content = csv_bytes(rows_for(board, rows), HEADER + ["value_high"])
    first, batch = import_preview(board=board, filename="q1.csv", content=content, user=manager)
    assert not first.errors
    assert first.counts == {"new": 5, "changed": 0, "unchanged": 0}
    assert Observation.objects.count() == 0  # a preview writes nothing

    assert import_apply(batch=batch, user=manager) == {"new": 5, "changed": 0, "unchanged": 0}
    batch.refresh_from_db()
    assert batch.status == ImportStatus.APPLIED
    assert Observation.objects.filter(board=board).count() == 5
    ranged = Observation.objects.get(indicator=indicators["training_attendance"])
    assert (ranged.qualifier, ranged.value, ranged.value_high) == ("range", 400, 450)
    entries = AuditEntry.objects.filter(board=board, changes__has_key="value")
    assert entries.count() == 5  # bulk writes still leave an audit entry each
    assert Snapshot.objects.get(board=board, year=2014).stale  # marked for the refresh

    again, batch2 = import_preview(board=board, filename="q1.csv", content=content, user=manager)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 5}
    assert import_apply(batch=batch2, user=manager)["unchanged"] == 5
    assert AuditEntry.objects.filter(changes__has_key="value").count() == 5


def test_a_changed_value_is_previewed_as_a_change(board, indicators):
    import_file(filename="a.csv", content=csv_bytes(rows_for(board, GOOD[:1])), boards=[board])
    changed = [["cp_plans", "2014-15 Q1", "total", "393", ""]]
    result = preview(board, changed)
    assert result.counts == {"new": 0, "changed": 1, "unchanged": 0}
    assert result.changes[0].old_value == 392


def test_an_xlsx_file_imports_like_a_csv(board, indicators):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([board.slug, "cp_plans", "2014-15 Q2", "total", 375, None])
    sheet.append([board.slug, "private_fostering", "2014-05", "total", 25.0, "exact"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_file(filename="f.xlsx", content=buffer.getvalue(), boards=[board])
    assert not result.errors
    assert Observation.objects.get(indicator=indicators["cp_plans"]).value == 375


BAD = [
    (["no_such_code", "2014-15 Q1", "total", "1", ""], "indicator", "Unknown indicator"),
    (["cp_plans", "2014-04", "total", "1", ""], "period", "not a quarter"),
    (["private_fostering", "2014-15 Q1", "total", "1", ""], "period", "not a month"),
    (["cp_plans", "2014-15 Q1", "total", "three hundred", ""], "value", "not a number"),
    (
        ["cp_plans", "2014-15 Q1", "category_of_abuse:bullying", "1", ""],
        "breakdown",
        "not a breakdown",
    ),
    (["cp_plans", "2014-15 Q1", "lado_outcome:false", "1", ""], "breakdown", "not a breakdown"),
    (["cp_plans", "2014-15 Q1", "total", "1.5", ""], "value", "1 decimal places"),
    (["cp_plans", "2014-15 Q1", "total", "1", "roughly"], "qualifier", "Use exact"),
    (["cp_plans", "2014-15 Q1", "total", "1", "range"], "value_high", "top value"),
    (["assessments_45_pct", "2014-15 Q1", "total", "72", ""], "indicator", "computed"),
]


@pytest.mark.parametrize("row, column, message", BAD, ids=[b[2] for b in BAD])
def test_each_kind_of_bad_row_is_reported_with_its_row_and_column(
    board, indicators, row, column, message
):
    result = preview(board, [GOOD[0], row])
    assert len(result.errors) == 1, result.errors
    error = result.errors[0]
    assert (error.row, error.column) == (3, column)
    assert message in error.message


def test_every_error_in_the_file_is_reported_and_nothing_is_imported(board, indicators):
    rows = [GOOD[0], BAD[0][0], GOOD[3], BAD[3][0], GOOD[0]]
    result = import_file(filename="f.csv", content=csv_bytes(rows_for(board, rows)), boards=[board])
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "indicator"),
        (5, "value"),
        (6, "breakdown"),
    ]
    assert "Duplicates row 2" in result.errors[-1].message
    assert not Observation.objects.exists()


def test_a_row_for_another_board_is_refused(board, other_board, indicators):
    catalogue(other_board)
    rows = [[other_board.slug, *GOOD[0]]]
    result = import_file(filename="f.csv", content=csv_bytes(rows), boards=[board])
    assert (result.errors[0].row, result.errors[0].column) == (2, "board")
    assert not Observation.objects.exists()


def test_a_negative_value_is_refused(board, indicators):
    content = b"board,indicator,period,breakdown,value,qualifier\r\n"
    content += f"{board.slug},cp_plans,2014-15 Q1,total,-1,\r\n".encode()
    error = import_file(filename="f.csv", content=content, boards=[board]).errors[0]
    assert (error.row, error.column, error.message) == (2, "value", "A value cannot be negative")


def test_missing_and_unknown_columns_are_reported_on_the_header_row(board, indicators):
    content = b"board,indicator,period,value,colour\r\ntestshire,cp_plans,2014-15 Q1,1,red\r\n"
    result = import_file(filename="f.csv", content=content, boards=[board])
    assert {(e.row, e.column) for e in result.errors} == {
        (1, "breakdown"),
        (1, "qualifier"),
        (1, "colour"),
    }


def test_a_file_that_is_not_a_table_is_refused(board, indicators):
    result = import_file(filename="f.xlsx", content=b"not a workbook", boards=[board])
    assert result.errors[0].column == "file"
    # Neither UTF-8 nor Windows-1252 (0x81 is unassigned in both): the message says how
    # to save it.
    result = import_file(filename="f.csv", content=b"board\x81\x8d\n", boards=[board])
    assert "CSV UTF-8" in result.errors[0].message


def test_benchmarks_come_in_the_same_format(board, indicators):
    header = HEADER + ["comparator"]
    rows = [[board.slug, "assessments_45_pct", "2014-15", "total", "81.5", "", "england"]]
    result = import_file(filename="b.csv", content=csv_bytes(rows, header), boards=[board])
    assert not result.errors
    bench = Benchmark.objects.get()
    assert (bench.comparator, bench.value, bench.period_type) == (
        "england",
        Decimal("81.5"),
        "year",
    )


def test_the_command_imports_and_reports_errors(board, indicators, tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes(rows_for(board, GOOD[:1])))
    out = io.StringIO()
    call_command("import_observations", str(good), "--board", board.slug, stdout=out)
    assert "1 new" in out.getvalue()
    call_command("import_observations", str(good), stdout=out)
    assert "0 new, 0 changed, 1 unchanged" in out.getvalue()

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(rows_for(board, [BAD[0][0]])))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problems"):
        call_command("import_observations", str(bad), stderr=err)
    assert "Row 2, column indicator" in err.getvalue()
