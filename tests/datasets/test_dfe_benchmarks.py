"""Benchmarks from a DfE statistics file in its published shape: England, the region and
the statistical neighbours' average, with suppressed and unavailable figures kept as what
they mean and never read as 0."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.links import board_url
from datasets.models import Benchmark, Comparator, ImportStatus, Indicator, Missing
from datasets.services.dfe_statistics import dfe_import_preview
from datasets.services.exports import export_observations
from datasets.services.imports import import_apply, import_file

HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,new_la_code,old_la_code,la_name,cpp_rate,referrals,rereferrals_percent"
)
PLACES = {
    "england": "National,E92000001,England,,,,,",
    "london": "Regional,E92000001,England,E12000007,London,,,",
    "croydon": "Local authority,E92000001,England,E12000007,London,E09000008,306,Croydon",
    "lambeth": "Local authority,E92000001,England,E12000007,London,E09000022,208,Lambeth",
    "lewisham": "Local authority,E92000001,England,E12000007,London,E09000023,209,Lewisham",
    "southwark": "Local authority,E92000001,England,E12000007,London,E09000028,210,Southwark",
}
# cpp_rate, referrals, rereferrals_percent for 2023-24 ("c" suppressed, ":" not available,
# "z" not applicable), as the DfE writes them.
FIGURES_2324 = {
    "england": '41.6,"621,880",22.4',
    "london": "35.2,c,20.1",
    "croydon": "40.2,4213,19.8",
    "lambeth": "50.1,c,18.0",
    "lewisham": "45.4,3990,:",
    "southwark": "z,3100,21.0",
}


def dfe_file(figures=FIGURES_2324, period="202324", extra_rows=()) -> bytes:
    lines = [HEADER]
    for place, values in figures.items():
        lines.append(f"{period},Reporting year,{PLACES[place]},{values}")
    lines.extend(extra_rows)
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def indicators(board):
    def make(code, measure, decimals, unit):
        return Indicator.objects.create(
            board=board, code=code, name=code.replace("_", " ").capitalize(), theme="CIN",
            unit=unit, decimals=decimals, rollup="latest", dfe_measure=measure,
        )  # fmt: skip

    return {
        "cpp_rate": make("cpp_rate", "cpp_rate", 1, "rate"),
        "referrals": make("referrals", "REFERRALS", 0, "count"),
        "rereferrals": make("rereferrals", "rereferrals_percent", 1, "percentage"),
    }


def imported(board, manager, content=None, neighbours=("Lambeth", "E09000023", "210")):
    preview, batch = dfe_import_preview(
        board=board, filename="cin.csv", content=content or dfe_file(), area="Croydon",
        neighbours=list(neighbours), user=manager,
    )  # fmt: skip
    assert not preview.errors, preview.errors
    import_apply(batch=batch, user=manager)
    return batch


def stored(indicator, comparator):
    bench = Benchmark.objects.get(indicator=indicator, comparator=comparator)
    return bench.missing or bench.value


def test_england_region_and_neighbours_average_import_with_suppressed_cells_never_zero(
    board, indicators, manager
):
    batch = imported(board, manager)

    cpp, referrals, rereferrals = (
        indicators["cpp_rate"],
        indicators["referrals"],
        indicators["rereferrals"],
    )
    assert stored(cpp, Comparator.ENGLAND) == Decimal("41.6")
    assert stored(referrals, Comparator.ENGLAND) == Decimal("621880")  # "621,880"
    assert stored(cpp, Comparator.REGION) == Decimal("35.2")
    assert stored(referrals, Comparator.REGION) == Missing.SUPPRESSED  # "c"
    # Lambeth 50.1 and Lewisham 45.4 (Southwark's is "z"): 47.75, rounded half-up to 47.8.
    assert stored(cpp, Comparator.STATISTICAL_NEIGHBOURS) == Decimal("47.8")
    # Lambeth's "c" is left out of the average of the others: (3990 + 3100) / 2.
    assert stored(referrals, Comparator.STATISTICAL_NEIGHBOURS) == Decimal("3545")
    # Lewisham's ":": the average of Lambeth 18.0 and Southwark 21.0.
    assert stored(rereferrals, Comparator.STATISTICAL_NEIGHBOURS) == Decimal("19.5")
    assert not Benchmark.objects.filter(board=board, value=0).exists()
    assert Benchmark.objects.filter(board=board).count() == 9
    # The period is the financial year the DfE's 202324 names.
    assert {b.period_start.isoformat() for b in Benchmark.objects.all()} == {"2023-04-01"}
    notes = " ".join(batch.summary["notes"])
    assert "Southwark had no figure" in notes and "Lambeth had no figure" in notes
    # The board's own authority's figures are its own records, not a benchmark.
    assert not Benchmark.objects.filter(value=Decimal("40.2")).exists()


def test_the_same_file_again_changes_nothing_and_a_corrected_figure_replaces_the_code(
    board, indicators, manager
):
    imported(board, manager)
    again, _ = dfe_import_preview(
        board=board, filename="cin.csv", content=dfe_file(), area="306",
        neighbours=["Lambeth", "Lewisham", "Southwark"], user=manager,
    )  # fmt: skip
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 9}

    revised = dict(FIGURES_2324, london='35.2,"88,020",20.1')
    imported(board, manager, content=dfe_file(revised))
    bench = Benchmark.objects.get(indicator=indicators["referrals"], comparator="region")
    assert (bench.value, bench.missing) == (Decimal("88020"), "")


def test_a_file_broken_down_by_a_filter_reads_the_total_rows(board, indicators, manager):
    header = HEADER.replace("la_name,", "la_name,category_of_abuse,")
    lines = [header]
    for place, values in FIGURES_2324.items():
        prefix = f"202324,Reporting year,{PLACES[place]}"
        lines.append(f"{prefix},Total,{values}")
        lines.append(f"{prefix},Neglect,1.0,1,1.0")
    imported(board, manager, content=("\n".join(lines) + "\n").encode())
    assert stored(indicators["cpp_rate"], Comparator.ENGLAND) == Decimal("41.6")
    assert not Benchmark.objects.filter(value=1).exists()


def test_an_export_writes_the_reason_and_imports_again_unchanged(board, indicators, manager):
    imported(board, manager)
    content, _ = export_observations(board=board, fmt="csv")
    assert b"suppressed" in content
    preview = import_file(filename="again.csv", content=content, boards=[board], dry_run=True)
    assert not preview.errors
    assert preview.counts["unchanged"] == 9 and preview.counts["new"] == 0


def test_a_code_for_a_missing_figure_is_refused_for_the_boards_own_figure(board, indicators):
    content = (
        "board,indicator,period,breakdown,value,qualifier\n"
        f"{board.slug},referrals,2023-24 Q1,total,c,\n"
    ).encode()
    preview = import_file(filename="own.csv", content=content, boards=[board], dry_run=True)
    assert [e.column for e in preview.errors] == ["value"]
    assert "only a benchmark" in preview.errors[0].message


@pytest.mark.parametrize(
    "area, neighbours, field, message",
    [
        ("Narnia", "", "area", "The file has no local authority 'Narnia'"),
        ("Croydon", "Lambeth, Atlantis", "neighbours", "no local authority Atlantis"),
        ("Croydon", "Croydon", "neighbours", "cannot be its own neighbour"),
        ("", "", "area", "Enter the local authority"),
    ],
)
def test_the_page_names_the_field_of_a_bad_choice(
    client_for, manager, board, indicators, area, neighbours, field, message
):
    url = board_url(board, "datasets:dfe-import")
    upload = SimpleUploadedFile("cin.csv", dfe_file(), content_type="text/csv")
    data = {"file": upload, "area": area, "neighbours": neighbours}
    response = client_for(manager).post(url, data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message.lower() in " ".join(errors[field]).lower()
    assert not Benchmark.objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("own.csv", b"board,indicator,period,breakdown,value,qualifier\n", "use Import figures"),
        ("cin.xlsx", b"PK", "must be a CSV file"),
        ("empty.csv", b"", "is empty"),
        ("odd.csv", dfe_file(period="2023-Q1"), "is not a period such as 202324"),
    ],
)
def test_a_file_of_another_shape_is_refused_saying_why(
    client_for, manager, board, indicators, name, content, message
):
    url = board_url(board, "datasets:dfe-import")
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    response = client_for(manager).post(url, {"file": upload, "area": "Croydon"})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["file"])


def test_the_page_previews_then_the_import_page_applies(client_for, manager, board, indicators):
    client = client_for(manager)
    url = board_url(board, "datasets:dfe-import")
    upload = SimpleUploadedFile("cin.csv", dfe_file(), content_type="text/csv")
    response = client.post(url, {"file": upload, "area": "Croydon", "neighbours": "Lambeth"})
    assert response.status_code == 302
    preview = client.get(response.url)
    text = preview.content.decode()
    assert "Suppressed (a small number)" in text and "About this file" in text
    batch = preview.context["batch"]
    assert client.post(board_url(board, "datasets:import-apply", pk=batch.pk)).status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportStatus.APPLIED
    # The next file is offered the same areas.
    again = client.get(url)
    assert again.context["form"].initial == {"area": "Croydon", "neighbours": "Lambeth"}


def test_the_dashboard_says_suppressed_rather_than_a_figure(board, indicators, manager):
    from core.periods import FinancialYear
    from datasets.services.dashboard import build_snapshot

    imported(board, manager)
    snapshot = build_snapshot(board, FinancialYear(2023))
    shown = {
        (entry["code"], b["comparator"]): b["display"]
        for entry in snapshot["indicators"].values()
        for b in entry["benchmarks"]
    }
    assert shown[("referrals", "Region")] == "Suppressed (a small number)"
