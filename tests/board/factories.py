import datetime

import factory

from board.models import Membership, Person
from board.models.membership import BoardRole
from tests.factories import AgencyFactory, BoardFactory


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
