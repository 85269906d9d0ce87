"""Inspections: every board role reads the list and each inspection; only the board
manager records them (as for the board's other records)."""

from datetime import date

from board.models import ALL_ROLES, Role

from . import Rule, board_page

WRITE = [Role.BOARD_MANAGER]


def with_inspection(context) -> dict:
    from reviews.assurance.services.inspections import inspection_create

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
    "assurance:inspection-list": board_page(ALL_ROLES),
    "assurance:inspection-create": board_page(WRITE),
    "assurance:inspection-detail": page(ALL_ROLES),
    "assurance:inspection-edit": page(WRITE),
    "assurance:inspection-judgements": page(WRITE),
    "assurance:inspection-recommendation-add": page(WRITE),
    # The confirmation page (GET); the deletion itself is a POST, tested in
    # tests/reviews/assurance/test_inspections.py.
    "assurance:inspection-delete": page(WRITE),
}
