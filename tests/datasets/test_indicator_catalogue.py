"""The indicator catalogue from a file (preview, then apply, all-or-nothing), and the
period type that cannot change while an indicator has figures."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from datasets.models import CatalogueImport, CategorySet, Indicator, Observation

from .factories import catalogue, load

HEADER = "code,name,theme,unit,period_type,rollup,numerator,denominator,breakdown_sets,decimals\n"
GOOD = HEADER + (
    "assessments,Assessments completed,Assessments,count,quarter,sum,,,,0\n"
    "assessments_45,Assessments within 45 days,Assessments,count,quarter,sum,,,timeliness,0\n"
    "assessments_45_pct,Assessments within 45 days (%),Assessments,percentage,quarter,ratio,"
    "assessments_45,assessments,,1\n"
)


def url(board, name, **kwargs):
    return reverse(f"datasets:{name}", kwargs={"board_slug": board.slug, **kwargs})


def upload(client, board, content: bytes, name="catalogue.csv"):
    return client.post(url(board, "catalogue-import"), {"file": SimpleUploadedFile(name, content)})


@pytest.fixture
def timeliness(board):
    return CategorySet.objects.create(board=board, code="timeliness", name="Timeliness")


def test_the_manager_previews_and_applies_a_catalogue(board, manager, client_for, timeliness):
    client = client_for(manager)
    response = upload(client, board, GOOD.encode())
    batch = CatalogueImport.objects.get(board=board)
    assert response.url == url(board, "catalogue-import-preview", pk=batch.pk)
    preview = client.get(response.url).text
    assert "Assessments within 45 days (%)" in preview and ">3<" in preview  # 3 new
    assert not Indicator.objects.exists()  # nothing written by the preview

    response = client.post(url(board, "catalogue-import-apply", pk=batch.pk), follow=True)
    assert "3 new, 0 changed, 0 unchanged indicators" in response.text
    ratio = Indicator.objects.get(board=board, code="assessments_45_pct")
    assert (ratio.numerator.code, ratio.denominator.code, ratio.decimals) == (
        "assessments_45",
        "assessments",
        1,
    )
    assert list(Indicator.objects.get(code="assessments_45").breakdown_sets.all()) == [timeliness]

    # The same file again changes nothing; a changed name is a change.
    upload(client, board, GOOD.encode())
    again = CatalogueImport.objects.exclude(pk=batch.pk).get()
    assert again.summary == {"new": 0, "changed": 0, "unchanged": 3}
    upload(client, board, GOOD.replace("Assessments completed", "Assessments done").encode())
    third = CatalogueImport.objects.order_by("-created_at").first()
    assert third.summary == {"new": 0, "changed": 1, "unchanged": 2}
    assert "Changes name" in client.get(url(board, "catalogue-import-preview", pk=third.pk)).text


def test_an_excel_catalogue_is_read_too(board, manager, client_for, timeliness):
    book = Workbook()
    sheet = book.active
    for line in GOOD.strip().split("\n"):
        sheet.append([int(c) if c.isdigit() else c for c in line.split(",")])
    content = io.BytesIO()
    book.save(content)
    client = client_for(manager)
    response = upload(client, board, content.getvalue(), name="catalogue.xlsx")
    assert response.status_code == 302
    client.post(url(board, "catalogue-import-apply", pk=CatalogueImport.objects.get().pk))
    assert Indicator.objects.filter(board=board).count() == 3


@pytest.mark.parametrize(
    "content, column, message",
    [
        ("", "file", "empty"),
        ("code,name\nx,X\n", "theme", "The file needs this column"),
        ("code,name,theme,colour\nx,X,T,red\n", "colour", "This column is not known"),
        ("code,name,theme\n,X,T\n", "code", "Enter the indicator code"),
        ("code,name,theme\nnot a code,X,T\n", "code", "is not a code"),
        ("code,name,theme\nx,,T\n", "name", "Enter the indicator name"),
        ("code,name,theme,unit\nx,X,T,furlongs\n", "unit", "is not one of count"),
        ("code,name,theme,decimals\nx,X,T,nine\n", "decimals", "whole number from 0 to 4"),
        ("code,name,theme,target\nx,X,T,lots\n", "target", "as a number"),
        ("code,name,theme\nx,X,T\nx,Y,T\n", "code", "on an earlier row too"),
        (
            "code,name,theme,breakdown_sets\nx,X,T,nope\n",
            "breakdown_sets",
            "No breakdown set has the code nope",
        ),
        (
            "code,name,theme,rollup,unit,numerator,denominator\nx,X,T,ratio,percentage,a,b\n",
            "numerator",
            "No indicator has the code a",
        ),
        ("code,name,theme,rollup\nx,X,T,ratio\n", "rollup", "needs a numerator and a denominator"),
        (
            "code,name,theme,breakdowns_add_up\nx,X,T,maybe\n",
            "breakdowns_add_up",
            "Enter yes or no",
        ),
    ],
)
def test_a_bad_file_is_refused_with_its_problems(
    board, manager, client_for, content, column, message
):
    response = upload(client_for(manager), board, content.encode() or b" ")
    assert response.status_code in (200, 400)
    assert message in response.text
    assert not CatalogueImport.objects.exists() and not Indicator.objects.exists()


def test_a_file_that_is_not_a_table_is_refused(board, manager, client_for):
    response = upload(client_for(manager), board, b"PK\x03\x04 not really", name="catalogue.xlsx")
    assert "not a readable Excel workbook" in response.text
    response = upload(client_for(manager), board, b"code\n", name="catalogue.txt")
    assert "must be a CSV (.csv) or Excel (.xlsx) file" in response.text


def test_an_applied_file_is_not_applied_twice(board, manager, client_for, timeliness):
    client = client_for(manager)
    upload(client, board, GOOD.encode())
    batch = CatalogueImport.objects.get()
    client.post(url(board, "catalogue-import-apply", pk=batch.pk))
    response = client.post(url(board, "catalogue-import-apply", pk=batch.pk), follow=True)
    assert "already been applied" in response.text
    assert Indicator.objects.count() == 3


# The period type


def with_figures(board):
    catalogue(board)
    load(
        board,
        [["cp_plans", "2014-15 Q1", "total", "392"], ["cp_plans", "2014-15 Q2", "total", "401"]],
    )
    return Indicator.objects.get(board=board, code="cp_plans")


def test_the_form_refuses_a_new_period_type_while_there_are_figures(board, manager, client_for):
    indicator = with_figures(board)
    client = client_for(manager)
    page = client.get(url(board, "indicator-edit", pk=indicator.pk))
    form = page.context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(period_type="month", breakdown_sets=[s.pk for s in indicator.breakdown_sets.all()])
    data.pop("valid_from", None), data.pop("valid_to", None)
    response = client.post(url(board, "indicator-edit", pk=indicator.pk), data)
    assert response.status_code == 200
    assert "The period type cannot change while the indicator has figures" in response.text
    assert "2 recorded by quarter" in response.text
    assert "add a new indicator with its own code" in response.text
    indicator.refresh_from_db()
    assert indicator.period_type == "quarter"
    starts = sorted(
        Observation.objects.filter(indicator=indicator).values_list("period_start", flat=True)
    )
    assert [f"{d:%Y-%m-%d}" for d in starts] == ["2014-04-01", "2014-07-01"]  # not moved


def test_the_period_type_changes_while_there_are_no_figures(board, manager, client_for):
    indicator = catalogue(board)["cp_plans"]
    from datasets.services.catalogue import check_period_type

    indicator.period_type = "month"
    check_period_type(indicator)  # no figures: nothing to refuse


def test_a_catalogue_file_cannot_change_the_period_type_of_an_indicator_with_figures(
    board, manager, client_for
):
    with_figures(board)
    content = (
        "code,name,theme,period_type\ncp_plans,Children with a child protection plan,X,month\n"
    )
    response = upload(client_for(manager), board, content.encode())
    assert "The period type cannot change while the indicator has figures" in response.text
    assert Indicator.objects.get(board=board, code="cp_plans").period_type == "quarter"
