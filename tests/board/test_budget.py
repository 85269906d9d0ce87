"""The published budget tables, entered line by line: the computed figures must equal
the published ones (and where a published total does not add up, the true sum is shown)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from board.finance import budget_statement
from board.models import ExpenditureLine, IncomeKind, IncomeLine
from board.periods import FinancialYear
from tests.factories import AgencyFactory

# Croydon LSCB annual report 2013/14, "2013/14 OUTTURN": (heading, item, budget, outturn).
# The text copy lost two figures of "Operating activities": Subscriptions/Memberships shows
# only its variance (-1,800) and Printing shows nothing. They are recovered from the
# published heading total (87,478 / 72,667) and variance: Subscriptions 1,800 budget and
# 0 outturn, Printing 28,078 / 13,674. Those two lines therefore cannot test that heading's
# total independently; every other line is as printed.
EXPENDITURE_2013 = [
    ("Employee cost", "Board Chair", 20_300, 20_700),
    ("Employee cost", "Business Manager", 56_142, 95_402),
    ("Employee cost", "Quality Assurance Officer", 49_434, 0),
    ("Employee cost", "Training Manager", 51_635, 0),
    ("Employee cost", "Interim Consultant", 0, 74_630),
    ("Professional business activities", "Serious Case Reviews", 72_500, 74_270),
    ("Professional business activities", "CSCB Website", 0, 12_011),
    ("Training", "Internal Training", 1_000, 1_490),
    ("Training", "External Training", 16_800, 17_454),
    ("Operating activities", "Subscriptions / Memberships", 1_800, 0),
    ("Operating activities", "Support Charges", 57_600, 58_993),
    ("Operating activities", "Printing, office supplies and other", 28_078, 13_674),
]
# "FUNDED BY": (source, kind, budget, actual). The report prints income in brackets; here
# income is positive and the transfer to earmarked reserves (printed without brackets) is
# negative. The asylum-seekers recharge's budget is lost in the text; its variance is 0.
INCOME_2013 = [
    ("Clinical Commissioning Group", IncomeKind.CONTRIBUTION, 15_415, 21_100),
    ("Croydon Health Services", IncomeKind.CONTRIBUTION, 15_415, 21_100),
    ("SLAM", IncomeKind.CONTRIBUTION, 9_371, 12_827),
    ("Metropolitan Police", IncomeKind.CONTRIBUTION, 6_000, 5_000),
    ("CAFCASS", IncomeKind.CONTRIBUTION, 0, 550),
    ("General", IncomeKind.OTHER, 0, 550),
    ("Probation Service", IncomeKind.CONTRIBUTION, 1_100, 2_000),
    ("Recharge for asylum seekers activities", IncomeKind.OTHER, 94_400, 94_400),
    ("Local authority (core funding)", IncomeKind.CONTRIBUTION, 213_589, 213_589),
    ("Local authority funding (earmarked reserve brought forward)", IncomeKind.RESERVES, 0, 90_000),
    ("Transfer to and from earmarked reserves", IncomeKind.RESERVES, 0, -89_000),
]

# Croydon LSCB annual review 2014/15, "7. Budget": actual figures only.
INCOME_2014 = [
    ("Local authority", 264_112),
    ("Clinical Commissioning Group", 33_850),
    ("Croydon Health services", 33_850),
    ("South London & Maudsley", 13_540),
    ("Metropolitan Police", 5_000),
    ("CAFCASS", 550),
    ("Probation", 2_000),
]
EXPENDITURE_2014 = [
    ("Staffing", 197_258),
    ("Serious Case Reviews", 65_940),
    ("Training", 26_387),
    ("Audits", 15_920),
    ("Return Home Interviews start-up", 23_000),
    ("Support charges", 22_255),
]


def enter_2013(board):
    for position, (heading, item, budget, outturn) in enumerate(EXPENDITURE_2013):
        line = ExpenditureLine(
            board=board,
            year=2013,
            heading=heading,
            item=item,
            budget=Decimal(budget),
            outturn=Decimal(outturn),
            position=position,
        )
        line.full_clean()
        line.save()
    for position, (source, kind, budget, actual) in enumerate(INCOME_2013):
        agency = AgencyFactory(board=board, name=source) if kind == "contribution" else None
        line = IncomeLine(
            board=board,
            year=2013,
            kind=kind,
            agency=agency,
            source_name="" if agency else source,
            budget=Decimal(budget),
            actual=Decimal(actual),
            position=position,
        )
        line.full_clean()
        line.save()


def enter_2014(board):
    for position, (source, actual) in enumerate(INCOME_2014):
        agency = AgencyFactory(board=board, name=source)
        IncomeLine.objects.create(
            board=board,
            year=2014,
            kind=IncomeKind.CONTRIBUTION,
            agency=agency,
            actual=Decimal(actual),
            position=position,
        )
    for position, (heading, outturn) in enumerate(EXPENDITURE_2014):
        ExpenditureLine.objects.create(
            board=board, year=2014, heading=heading, outturn=Decimal(outturn), position=position
        )


def statement(board, start_year):
    year = FinancialYear(start_year)
    return budget_statement(
        year,
        list(ExpenditureLine.objects.filter(board=board, year=start_year)),
        list(IncomeLine.objects.filter(board=board, year=start_year).select_related("agency")),
    )


def test_2013_14_expenditure_reproduces_the_published_subtotals_and_totals(board):
    enter_2013(board)
    result = statement(board, 2013)
    subtotals = {h.name: (h.budget, h.outturn, h.variance) for h in result.headings}
    assert subtotals == {
        "Employee cost": (177_511, 190_732, 13_221),
        "Professional business activities": (72_500, 86_281, 13_781),
        "Training": (17_800, 18_944, 1_144),
        "Operating activities": (87_478, 72_667, -14_811),
    }
    assert result.expenditure_budget == Decimal("355289")  # "GROSS EXPENDITURE"
    assert result.expenditure_outturn == Decimal("368624")
    assert result.expenditure_variance == Decimal("13335")


def test_2013_14_income_shows_the_true_sum_where_the_published_budget_total_is_one_pound_out(
    board,
):
    enter_2013(board)
    result = statement(board, 2013)
    # Published "TOTAL INCOME" budget: 355,289. Its lines add up to 355,290: the report's
    # total is £1 short (a rounding in the source spreadsheet). The app shows the true sum,
    # and so a budgeted surplus of £1 where the report printed 0.
    assert result.income_budget == Decimal("355290")
    assert result.budget_balance.amount == Decimal("1")
    # The actual column adds up as published: 372,116, and the "(SURPLUS)" of 3,492.
    assert result.income_actual == Decimal("372116")
    assert result.actual_balance.amount == Decimal("3492")
    assert result.actual_balance.label == "Surplus"


def test_2014_15_statement_reproduces_the_published_totals(board):
    enter_2014(board)
    result = statement(board, 2014)
    assert result.income_actual == Decimal("352902")
    assert result.expenditure_outturn == Decimal("350760")
    assert result.actual_balance.amount == Decimal("2142")
    assert result.expenditure_budget is None  # no budget column was published


def test_the_budget_page_shows_the_computed_totals(board, chair, client_for):
    enter_2014(board)
    url = reverse("budget", kwargs={"board_slug": board.slug})
    response = client_for(chair).get(url, {"year": "2014-15"})
    text = response.content.decode()
    assert "£352,902" in text and "£350,760" in text
    assert "Surplus" in text and "£2,142" in text


@pytest.mark.parametrize("field", ["budget", "outturn"])
def test_a_negative_expenditure_figure_is_refused_and_nothing_saved(
    board, manager, client_for, field
):
    url = reverse("expenditure-line-create", kwargs={"board_slug": board.slug})
    data = {"heading": "Training", "budget": "100", "outturn": "100", "position": "0"}
    data[field] = "-5"
    response = client_for(manager).post(f"{url}?year=2014-15", data)
    assert response.status_code == 200
    assert "Enter an amount of £0 or more." in response.content.decode()
    assert not ExpenditureLine.objects.exists()


def test_only_a_reserves_transfer_may_be_negative_income(board):
    agency = AgencyFactory(board=board)
    line = IncomeLine(board=board, year=2014, kind="contribution", agency=agency, actual=-1)
    with pytest.raises(Exception, match="£0 or more"):
        line.full_clean()
    line = IncomeLine(board=board, year=2014, kind="reserves", source_name="To reserves", actual=-1)
    line.full_clean()


def test_an_income_line_is_created_in_the_year_of_the_page(board, manager, client_for):
    agency = AgencyFactory(board=board)
    url = reverse("income-line-create", kwargs={"board_slug": board.slug})
    data = {"kind": "contribution", "agency": agency.pk, "actual": "550.00", "position": "1"}
    response = client_for(manager).post(f"{url}?year=2013-14", data)
    assert response.status_code == 302
    assert IncomeLine.objects.get().year == 2013
