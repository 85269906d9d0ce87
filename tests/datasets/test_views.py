"""The pages: tenancy, bad input, and a constant number of queries on the dashboard."""

import pytest
from django.urls import reverse

from datasets.models import ImportBatch, ImportStatus, Observation
from datasets.services.snapshots import snapshot_refresh

from .factories import catalogue, csv_bytes, load


def url(board, name, **kwargs):
    return reverse(f"datasets:{name}", kwargs={"board_slug": board.slug, **kwargs})


def upload(client, board, content: bytes, name="figures.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url(board, "import"), {"file": SimpleUploadedFile(name, content)})


def test_the_manager_uploads_sees_the_preview_and_applies(board, manager, client_for):
    catalogue(board)
    client = client_for(manager)
    content = csv_bytes([[board.slug, "cp_plans", "2014-15 Q1", "total", "392", ""]])
    response = upload(client, board, content)
    batch = ImportBatch.objects.get(board=board)
    assert response.url == url(board, "import-preview", pk=batch.pk)
    page = client.get(response.url)
    assert b"Check what the import will change" in page.content
    assert not Observation.objects.exists()
    response = client.post(url(board, "import-apply", pk=batch.pk))
    assert response.url == url(board, "dashboard")
    assert Observation.objects.get().value == 392
    # Applying the same batch twice is refused, not repeated.
    response = client.post(url(board, "import-apply", pk=batch.pk), follow=True)
    assert b"already been applied" in response.content


def test_a_bad_file_shows_every_problem_and_imports_nothing(board, manager, client_for):
    catalogue(board)
    rows = [
        [board.slug, "nonsense", "2014-15 Q1", "total", "1", ""],
        [board.slug, "cp_plans", "2014-04", "total", "ten", ""],
    ]
    response = upload(client_for(manager), board, csv_bytes(rows))
    assert response.status_code == 400
    text = response.content.decode()
    assert "The file has 3 problems" in text
    for fragment in ["Unknown indicator code", "is not a quarter", "is not a number"]:
        assert fragment in text
    assert not Observation.objects.exists()
    # Kept only as a refused file with its problems, for the download; it cannot be applied.
    assert ImportBatch.objects.get().status == ImportStatus.REFUSED


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("figures.txt", b"x", "must be a CSV"),
        ("figures.csv", b"", "The submitted file is empty"),
    ],
)
def test_an_upload_that_is_not_a_table_is_refused(
    board, manager, client_for, name, content, message
):
    response = upload(client_for(manager), board, content, name)
    assert message in response.content.decode()


def test_another_boards_indicator_and_batch_are_not_found(board, other_board, manager, client_for):
    theirs = catalogue(other_board)["cp_plans"]
    batch = ImportBatch.objects.create(board=other_board, filename="x.csv", sha256="0" * 64)
    client = client_for(manager)
    assert client.get(url(board, "indicator-detail", pk=theirs.pk)).status_code == 404
    assert client.get(url(board, "indicator-edit", pk=theirs.pk)).status_code == 404
    assert client.get(url(board, "import-preview", pk=batch.pk)).status_code == 404
    assert client.post(url(board, "import-apply", pk=batch.pk)).status_code == 404
    assert client.get(url(board, "import-problems-download", pk=batch.pk)).status_code == 404
    response = client.get(url(board, "export"), {"indicator": str(theirs.pk)})
    assert response.status_code == 400


def test_an_indicator_form_refuses_another_boards_numerator(
    board, other_board, manager, client_for
):
    theirs = catalogue(other_board)["cp_plans"]
    data = {
        "name": "Rate",
        "code": "rate2",
        "theme": "X",
        "unit": "percentage",
        "polarity": "neutral",
        "period_type": "quarter",
        "rollup": "ratio",
        "numerator": str(theirs.pk),
        "denominator": str(theirs.pk),
        "decimals": "0",
    }
    response = client_for(manager).post(url(board, "indicator-create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the numerator from the list" in page
    assert "Choose the denominator from the list" in page


def test_export_refuses_an_unknown_format(board, viewer, client_for):
    response = client_for(viewer).get(url(board, "export"), {"format": "pdf"})
    assert response.status_code == 400


def test_export_gives_csv_and_xlsx(board, viewer, client_for):
    catalogue(board)
    load(board, [["cp_plans", "2014-15 Q1", "total", 392]])
    client = client_for(viewer)
    response = client.get(url(board, "export"), {"format": "csv", "year": "2014-15"})
    assert "cp_plans,2014-15 Q1,total,392" in response.content.decode("utf-8-sig")
    response = client.get(url(board, "export"), {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


# Session, user, two-factor device, board, roles, navigation, snapshot years, snapshot,
# the header's count of unread notifications and the session's save: the same whatever
# the number of indicators and figures.
DASHBOARD_QUERIES = 11
MORE = [
    [code, f"{year} Q{q}", "total", 10 + q]
    for code in (
        "contacts",
        "referrals",
        "assessments",
        "assessments_45",
        "cin",
        "lac",
        "cp_new",
        "missing_episodes",
        "return_interviews",
        "cse_referrals",
    )
    for year in ("2013-14", "2014-15")
    for q in (1, 2, 3, 4)
]


def test_the_dashboard_issues_the_same_queries_for_few_and_many_figures(
    board, chair, client_for, django_assert_num_queries
):
    catalogue(board)
    client = client_for(chair)
    load(board, [["cp_plans", "2014-15 Q1", "total", 392]])
    snapshot_refresh(board=board, year=2014)
    client.get(url(board, "dashboard"))
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert client.get(url(board, "dashboard")).status_code == 200

    load(board, MORE)
    snapshot_refresh(board=board, year=2014)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(url(board, "dashboard"))
        assert response.status_code == 200
    assert b"Contacts to children&#x27;s social care" in response.content


def test_a_nonsense_year_shows_the_latest(board, viewer, client_for):
    catalogue(board)
    load(board, [["cp_plans", "2014-15 Q1", "total", 392]])
    snapshot_refresh(board=board, year=2014)
    response = client_for(viewer).get(url(board, "dashboard"), {"year": "next<script>"})
    assert response.status_code == 200
    assert b"Performance dashboard 2014/15" in response.content


def test_the_indicator_page_shows_the_chart_and_the_same_numbers_as_a_table(
    board, lay_member, client_for
):
    indicators = catalogue(board)
    load(
        board,
        [
            ["cp_plans", "2014-15 Q1", "total", 380],
            ["cp_plans", "2014-15 Q2", "total", 392],
            ["cp_plans", "2014-15 Q2", "category_of_abuse:neglect", 200],
            ["cp_plans", "2014-15 Q2", "category_of_abuse:emotional", 190],
        ],
    )
    snapshot_refresh(board=board, year=2014)
    response = client_for(lay_member).get(
        url(board, "indicator-detail", pk=indicators["cp_plans"].pk)
    )
    text = response.content.decode()
    assert "<svg" in text and "style=" not in text
    assert "Q1 2014/15: 380; Q2 2014/15: 392" in text  # the chart's text alternative
    assert "The parts add up to 390, not the total of 392." in text


def test_one_value_is_shown_as_the_latest_figure_without_a_trend_chart(
    board, lay_member, client_for
):
    indicators = catalogue(board)
    load(board, [["cp_plans", "2014-15 Q1", "total", 392]])
    snapshot_refresh(board=board, year=2014)
    response = client_for(lay_member).get(
        url(board, "indicator-detail", pk=indicators["cp_plans"].pk)
    )
    text = response.content.decode()
    assert 'id="trend-cp_plans"' not in text  # no one-point line on an axis
    assert '<span class="lscb-figure lscb-figure--large">392</span>' in text
    assert "the figures by period" in text


def test_the_quality_page_lists_the_problems(board, manager, client_for):
    catalogue(board)
    load(
        board,
        [
            ["cp_plans", "2014-15 Q1", "total", 392],
            ["cp_plans", "2014-15 Q1", "category_of_abuse:neglect", 200],
        ],
    )
    response = client_for(manager).get(url(board, "quality"), {"year": "2014-15"})
    text = response.content.decode()
    assert "Category of abuse adds up to 200, total is 392" in text
    assert "Missing periods" in text
