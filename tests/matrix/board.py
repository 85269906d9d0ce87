"""The board app's pages: everyone on the board reads; only the board manager writes."""

from board.models import ALL_ROLES, Role

from . import Rule, board_kwargs

MANAGER = [Role.BOARD_MANAGER]


def with_object(factory_path: str, key: str = "pk"):
    """URL kwargs for a page about one record, made on the test board when asked."""

    def kwargs(context) -> dict:
        from tests.board import factories

        record = getattr(factories, factory_path)(board=context.board)
        return {"board_slug": context.board.slug, key: record.pk}

    return kwargs


def read(kwargs=board_kwargs, **options) -> Rule:
    return Rule("board", roles=frozenset(ALL_ROLES), kwargs=kwargs, **options)


def write(kwargs=board_kwargs, **options) -> Rule:
    return Rule("board", roles=frozenset(MANAGER), kwargs=kwargs, **options)


ENTRIES = {
    "agency-list": read(),
    "member-list": read(),
    "membership-gaps": read(),
    "person-list": read(),
    "meeting-list": read(),
    "attendance-report": read(),
    "action-list": read(),
    "plan": read(),
    "challenge-list": read(),
    "budget": read(),
    "meeting-detail": read(kwargs=with_object("MeetingFactory")),
    "action-detail": read(kwargs=with_object("ActionFactory")),
    "paper-download": read(kwargs=with_object("PaperFactory")),
    "agency-create": write(),
    "membership-create": write(),
    "person-create": write(),
    "meeting-create": write(),
    "action-create": write(),
    "priority-create": write(),
    "challenge-create": write(),
    "expenditure-line-create": write(),
    "income-line-create": write(),
    "plan-carry-over": write(),
    "agency-edit": write(kwargs=with_object("AgencyFactory")),
    "agency-delete": write(kwargs=with_object("AgencyFactory")),
    "membership-edit": write(kwargs=with_object("MembershipFactory")),
    "membership-end": write(kwargs=with_object("MembershipFactory")),
    "membership-delete": write(kwargs=with_object("MembershipFactory")),
    "person-edit": write(kwargs=with_object("PersonFactory")),
    "meeting-edit": write(kwargs=with_object("MeetingFactory")),
    "meeting-delete": write(kwargs=with_object("MeetingFactory")),
    "attendance-edit": write(kwargs=with_object("MeetingFactory")),
    "agenda-item-create": write(kwargs=with_object("MeetingFactory", "meeting_pk")),
    "agenda-item-edit": write(kwargs=with_object("AgendaItemFactory")),
    "agenda-item-delete": write(kwargs=with_object("AgendaItemFactory")),
    "paper-upload": write(kwargs=with_object("MeetingFactory", "meeting_pk")),
    "paper-delete": write(kwargs=with_object("PaperFactory")),
    "meeting-action-create": write(kwargs=with_object("MeetingFactory", "source_pk")),
    "action-edit": write(kwargs=with_object("ActionFactory")),
    "action-progress": write(kwargs=with_object("ActionFactory")),
    "action-sign-off": write(kwargs=with_object("ActionFactory")),
    "action-delete": write(kwargs=with_object("ActionFactory")),
    "priority-edit": write(kwargs=with_object("PriorityFactory")),
    "priority-delete": write(kwargs=with_object("PriorityFactory")),
    "objective-create": write(kwargs=with_object("PriorityFactory", "priority_pk")),
    "objective-edit": write(kwargs=with_object("ObjectiveFactory")),
    "objective-delete": write(kwargs=with_object("ObjectiveFactory")),
    "objective-action-create": write(kwargs=with_object("ObjectiveFactory", "source_pk")),
    "challenge-edit": write(kwargs=with_object("ChallengeFactory")),
    "challenge-delete": write(kwargs=with_object("ChallengeFactory")),
    "expenditure-line-edit": write(kwargs=with_object("ExpenditureLineFactory")),
    "expenditure-line-delete": write(kwargs=with_object("ExpenditureLineFactory")),
    "income-line-edit": write(kwargs=with_object("IncomeLineFactory")),
    "income-line-delete": write(kwargs=with_object("IncomeLineFactory")),
}
