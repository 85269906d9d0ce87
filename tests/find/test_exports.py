"""The downloads of lists and tables: each in XLSX and CSV, holding what its page shows,
safe to open (a typed formula stays text), refusing a format, year or filter it cannot
read with a 400, and the CDOP register logged as a read of every case in it."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from board.models import AuditEntry, Role, Sector
from reports.models import Acronym
from reviews.assurance.models import Inspection
from reviews.child_deaths.models import CdopCase
from tests.board.factories import (
    ActionFactory,
    AttendanceFactory,
    ExpenditureLineFactory,
    MembershipFactory,
    PersonFactory,
)
from tests.factories import AgencyFactory
from tests.reviews.child_deaths.factories import notify, review
from tests.security.test_exports import UNSAFE_STARTS, assert_xlsx_safe
from tests.subgroups.factories import subgroup_with_chair

HOSTILE = '=HYPERLINK("http://x","y")'


def url(name, board, **query):
    address = reverse(name, kwargs={"board_slug": board.slug})
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def sheets(response) -> dict[str, list[list]]:
    book = load_workbook(io.BytesIO(response.content))
    return {sheet.title: [list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book}


def is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def assert_csv_safe(content: bytes, hostile: str) -> None:
    """No text cell a spreadsheet would run (a negative variance is a number, not one)."""
    cells = [c for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for c in row]
    unsafe = [c for c in cells if c.startswith(UNSAFE_STARTS) and not is_number(c)]
    assert not unsafe, f"cells a spreadsheet would run: {unsafe}"
    assert "'" + hostile in cells


def hostile_records(board, subgroup_chair):
    """One hostile text in a cell of every export."""
    agency = AgencyFactory(board=board, name=HOSTILE, sector=Sector.POLICE)
    person = PersonFactory(board=board, full_name=HOSTILE)
    membership = MembershipFactory(board=board, person=person, agency=agency)
    ActionFactory(board=board, description=HOSTILE, owner_agency=agency)
    ExpenditureLineFactory(board=board, heading=HOSTILE, year=2014)
    AttendanceFactory(board=board, membership=membership)
    subgroup_with_chair(board, subgroup_chair, name=HOSTILE)
    review(notify(board, notified_by=HOSTILE, notified_on=date(2014, 5, 11)))
    Inspection.objects.create(
        board=board, inspectorate="joint", title=HOSTILE, start_date=date(2014, 6, 2)
    )
    Acronym.objects.create(board=board, term="HYP", meaning=HOSTILE)


EXPORTS = [
    ("action-export", Role.VIEWER, {}),
    ("budget-export", Role.VIEWER, {"year": "2014-15"}),
    ("attendance-export", Role.VIEWER, {"year": "2014-15"}),
    ("member-export", Role.VIEWER, {"show": "all"}),
    ("membership-gaps-export", Role.VIEWER, {}),
    ("subgroups:completeness-export", Role.BOARD_MANAGER, {"year": "2014-15"}),
    ("child_deaths:cdop-case-export", Role.CDOP_MEMBER, {}),
    ("statutory-export", Role.BOARD_MANAGER, {"kind": "jtai"}),
    ("reports:glossary-export", Role.VIEWER, {}),
]
PERSONA = {Role.VIEWER: "viewer", Role.BOARD_MANAGER: "manager", Role.CDOP_MEMBER: "cdop_member"}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize(("name", "role", "query"), EXPORTS)
def test_every_list_exports_safely_in_both_formats(
    request, client_for, board, subgroup_chair, name, role, query, fmt
):
    hostile_records(board, subgroup_chair)
    client = client_for(request.getfixturevalue(PERSONA[role]))
    response = client.get(url(name, board, **query, format=fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    # In the gaps, the hostile agency is a current member's: it shows with the member.
    gaps = name == "membership-gaps-export"
    hostile = f"{HOSTILE} ({HOSTILE})" if gaps else HOSTILE
    if fmt == "csv":
        assert_csv_safe(response.content, hostile)
    else:
        assert_xlsx_safe(response.content, hostile)


@pytest.mark.parametrize(("name", "role", "query"), EXPORTS)
def test_a_format_that_is_not_one_is_refused(request, client_for, board, name, role, query):
    client = client_for(request.getfixturevalue(PERSONA[role]))
    response = client.get(url(name, board, **query, format="pdf"))
    assert response.status_code == 400
    assert "format=xlsx" in response.content.decode()


@pytest.mark.parametrize(
    "name", ["budget-export", "attendance-export", "subgroups:completeness-export"]
)
def test_a_year_that_is_not_one_is_refused(client_for, board, manager, name):
    response = client_for(manager).get(url(name, board, year="2014-1x"))
    assert response.status_code == 400
    assert "is not a financial year" in response.content.decode()


def test_the_action_export_holds_the_filtered_actions(client_for, board, viewer):
    police = AgencyFactory(board=board, name="Police")
    health = AgencyFactory(board=board, name="Health", sector=Sector.HEALTH)
    ActionFactory(board=board, description="Police action", owner_agency=police)
    ActionFactory(board=board, description="Health action", owner_agency=health)
    response = client_for(viewer).get(url("action-export", board, agency=police.pk, format="csv"))
    header, *rows = csv_rows(response)
    assert header[:3] == ["Action", "Owner agency", "Owner"]
    assert [row[0] for row in rows] == ["Police action"]


def test_the_action_export_refuses_a_filter_it_cannot_read(client_for, board, viewer):
    response = client_for(viewer).get(url("action-export", board, status="nonsense"))
    assert response.status_code == 400
    assert "Choose the status from the list" in response.content.decode()


def test_the_budget_export_has_a_sheet_each_for_spending_and_income(client_for, board, viewer):
    ExpenditureLineFactory(board=board, heading="Staffing", budget=Decimal("1000"), outturn=None)
    response = client_for(viewer).get(url("budget-export", board, year="2014-15"))
    book = sheets(response)
    assert set(book) == {"expenditure", "income"}
    assert book["expenditure"][1] == ["Staffing", None, 1000, "Not recorded", "Not recorded"]
    assert book["expenditure"][-1][0] == "Total expenditure"


def test_the_attendance_export_gives_each_members_rate(client_for, board, viewer):
    AttendanceFactory(board=board, membership__person__full_name="Ann Jones")
    response = client_for(viewer).get(url("attendance-export", board, year="2014-15"))
    members = sheets(response)["by member"]
    assert members[1][0] == "Ann Jones"
    assert members[1][-1] == 100


def test_the_cdop_register_export_is_filtered_and_logged(client_for, board, cdop_member):
    reviewed = review(notify(board))
    notify(board, date_of_death=date(2013, 6, 1))
    client = client_for(cdop_member)
    response = client.get(url("child_deaths:cdop-case-export", board, stage="reviewed"))
    book = sheets(response)["cases"]
    assert [row[0] for row in book[1:]] == [reviewed.number]
    logged = AuditEntry.objects.filter(board=board, action=AuditEntry.Action.ACCESS)
    assert list(logged.values_list("object_pk", flat=True)) == [str(reviewed.pk)]
    assert logged.get().actor == cdop_member


def test_the_cdop_register_export_is_refused_to_other_roles(client_for, board, manager, scr_member):
    notify(board)
    for person in (manager, scr_member):
        response = client_for(person).get(url("child_deaths:cdop-case-export", board))
        assert response.status_code == 403
    assert not AuditEntry.objects.filter(board=board, action=AuditEntry.Action.ACCESS).exists()
    assert CdopCase.objects.filter(board=board).count() == 1
