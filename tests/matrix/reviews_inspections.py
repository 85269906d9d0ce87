"""Inspections: every board role reads the list and each inspection; only the board
manager records them (as for the board's other records)."""

from datetime import date

from board.models import ALL_ROLES, Role

from . import Rule, board_page

WRITE = [Role.BOARD_MANAGER]


def with_inspection(context) -> dict:
    from reviews.services.inspections import inspection_create

    inspection = inspection_create(
        board=context.board,
        inspectorate="ofsted",
        title="Inspection of services for children in need of help and protection",
        start_date=date(2015, 2, 2),
        end_date=date(2015, 2, 25),
        published_on=date(2015, 4, 15),
    )
    return {"board_slug": context.board.slug, "inspection_id": inspection.pk}


def page(roles) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=with_inspection)


ENTRIES = {
    "reviews:inspection-list": board_page(ALL_ROLES),
    "reviews:inspection-create": board_page(WRITE),
    "reviews:inspection-detail": page(ALL_ROLES),
    "reviews:inspection-edit": page(WRITE),
    "reviews:inspection-judgements": page(WRITE),
    "reviews:inspection-recommendation-add": page(WRITE),
    # The confirmation page (GET); the deletion itself is a POST, tested in
    # tests/reviews/test_inspections.py.
    "reviews:inspection-delete": page(WRITE),
}
