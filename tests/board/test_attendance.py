import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from board.models import Attendance, MeetingKind
from board.selectors.meetings import attendance_rates
from board.services.meetings import AttendanceEntry, attendance_record
from core.periods import FinancialYear
from tests.factories import AgencyFactory

from .factories import MeetingFactory, MembershipFactory

YEAR = FinancialYear(2014)


def test_attendance_rates_per_member_and_per_agency(board):
    police = AgencyFactory(board=board, name="Police")
    officer = MembershipFactory(board=board, agency=police)
    colleague = MembershipFactory(board=board, agency=police)
    meetings = [MeetingFactory(board=board, date=datetime.date(2014, m, 10)) for m in (5, 7, 9)]
    # Officer: present, deputy sent, apologies. Colleague: apologies at all three.
    for meeting, status in zip(meetings, ["present", "deputy", "apologies"], strict=True):
        deputy = "DI Deputy" if status == "deputy" else ""
        attendance_record(
            meeting=meeting,
            entries=[
                AttendanceEntry(officer, status, deputy),
                AttendanceEntry(colleague, "apologies"),
            ],
        )
    # A development day in the same year does not count.
    day = MeetingFactory(
        board=board, kind=MeetingKind.DEVELOPMENT_DAY, date=datetime.date(2014, 6, 1)
    )
    attendance_record(meeting=day, entries=[AttendanceEntry(officer, "absent")])
    # Nor does a meeting in the next financial year.
    april = MeetingFactory(board=board, date=datetime.date(2015, 4, 2))
    attendance_record(meeting=april, entries=[AttendanceEntry(officer, "absent")])

    rates = attendance_rates(board, YEAR)
    assert rates.meeting_count == 3
    members = {(r.name, r.attended, r.expected, r.deputies) for r in rates.members}
    assert (officer.person.full_name, 1, 3, 1) in members
    assert (colleague.person.full_name, 0, 3, 0) in members
    (agency,) = rates.agencies
    # Represented at two of three meetings (in person, then by a deputy): 67%, half-up.
    assert (agency.name, agency.attended, agency.expected, agency.rate) == ("Police", 2, 3, 67)


def test_attendance_for_someone_not_a_member_on_the_date_is_refused_and_nothing_saved(board):
    meeting = MeetingFactory(board=board, date=datetime.date(2014, 6, 12))
    member = MembershipFactory(board=board, start_date=datetime.date(2014, 4, 1))
    joined_later = MembershipFactory(board=board, start_date=datetime.date(2014, 9, 1))
    with pytest.raises(ValidationError, match="was not a member on 12 June 2014"):
        attendance_record(
            meeting=meeting,
            entries=[AttendanceEntry(member, "present"), AttendanceEntry(joined_later, "present")],
        )
    assert not Attendance.objects.exists()


def test_a_deputy_needs_a_name(board, manager, client_for):
    meeting = MeetingFactory(board=board)
    member = MembershipFactory(board=board)
    url = reverse("attendance-edit", kwargs={"board_slug": board.slug, "pk": meeting.pk})
    response = client_for(manager).post(url, {f"status_{member.pk.hex}": "deputy"})
    assert response.status_code == 200
    assert "Enter the name of the deputy sent for" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_attendance_page_lists_only_members_on_the_date_and_saves(board, manager, client_for):
    meeting = MeetingFactory(board=board, date=datetime.date(2014, 6, 12))
    member = MembershipFactory(board=board)
    former = MembershipFactory(
        board=board, start_date=datetime.date(2013, 4, 1), end_date=datetime.date(2014, 3, 31)
    )
    url = reverse("attendance-edit", kwargs={"board_slug": board.slug, "pk": meeting.pk})
    client = client_for(manager)
    page = client.get(url).content.decode()
    assert member.person.full_name in page and former.person.full_name not in page
    data = {f"status_{member.pk.hex}": "deputy", f"deputy_{member.pk.hex}": "A Deputy"}
    assert client.post(url, data).status_code == 302
    record = Attendance.objects.get()
    assert (record.status, record.deputy_name) == ("deputy", "A Deputy")
    # Setting it back to "Not recorded" removes the record.
    client.post(url, {f"status_{member.pk.hex}": ""})
    assert not Attendance.objects.exists()
