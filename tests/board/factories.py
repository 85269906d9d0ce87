import datetime
from decimal import Decimal

import factory

from board.models import (
    Action,
    AgendaItem,
    Attendance,
    Challenge,
    ExpenditureLine,
    IncomeKind,
    IncomeLine,
    Meeting,
    MeetingKind,
    Membership,
    Objective,
    Paper,
    Person,
    Priority,
    ScrutinyArea,
    ScrutinyFinding,
)
from board.models.membership import BoardRole
from tests.factories import AgencyFactory, BoardFactory, UserFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    board = factory.SubFactory(BoardFactory)
    full_name = factory.Sequence(lambda n: f"Member {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    board = factory.SubFactory(BoardFactory)
    person = factory.SubFactory(PersonFactory, board=factory.SelfAttribute("..board"))
    agency = factory.SubFactory(AgencyFactory, board=factory.SelfAttribute("..board"))
    board_role = BoardRole.AGENCY_REPRESENTATIVE
    start_date = datetime.date(2014, 4, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    kind = MeetingKind.BOARD
    date = datetime.date(2014, 6, 12)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    board = factory.SubFactory(BoardFactory)
    meeting = factory.SubFactory(MeetingFactory, board=factory.SelfAttribute("..board"))
    position = factory.Sequence(lambda n: n + 1)
    title = "Chair's report"


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper

    board = factory.SubFactory(BoardFactory)
    meeting = factory.SubFactory(MeetingFactory, board=factory.SelfAttribute("..board"))
    title = "Performance report"
    file = factory.django.FileField(filename="report.pdf", data=PDF_BYTES)
    original_name = "report.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    uploaded_by = factory.SubFactory(UserFactory)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    board = factory.SubFactory(BoardFactory)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner_agency = factory.SubFactory(AgencyFactory, board=factory.SelfAttribute("..board"))
    due_date = datetime.date(2015, 3, 31)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    board = factory.SubFactory(BoardFactory)
    year = 2014
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority {n}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    board = factory.SubFactory(BoardFactory)
    priority = factory.SubFactory(PriorityFactory, board=factory.SelfAttribute("..board"))
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Objective {n}")


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    board = factory.SubFactory(BoardFactory)
    agency = factory.SubFactory(AgencyFactory, board=factory.SelfAttribute("..board"))
    issue = "Late strategy discussion referrals"
    raised_on = datetime.date(2014, 9, 1)


class ExpenditureLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpenditureLine

    board = factory.SubFactory(BoardFactory)
    year = 2014
    heading = "Staffing"
    budget = Decimal("1000")
    outturn = Decimal("900")


class IncomeLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncomeLine

    board = factory.SubFactory(BoardFactory)
    year = 2014
    kind = IncomeKind.CONTRIBUTION
    agency = factory.SubFactory(AgencyFactory, board=factory.SelfAttribute("..board"))
    actual = Decimal("5000")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    board = factory.SubFactory(BoardFactory)
    meeting = factory.SubFactory(MeetingFactory, board=factory.SelfAttribute("..board"))
    membership = factory.SubFactory(MembershipFactory, board=factory.SelfAttribute("..board"))
    status = "present"


class ScrutinyAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyArea

    board = factory.SubFactory(BoardFactory)
    year = 2024
    title = factory.Sequence(lambda n: f"Scrutiny area {n}")


class ScrutinyFindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyFinding

    board = factory.SubFactory(BoardFactory)
    found_on = datetime.date(2024, 6, 1)
    text = "Front door thresholds are applied unevenly"
