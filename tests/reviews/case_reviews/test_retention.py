"""When a CDOP case or a case review passes retention: exactly N years after the date its
retention starts, computed (never stored) and agreed between the database and Python."""

from datetime import date, timedelta

import pytest

from reviews.case_reviews.models import RetentionSettings
from reviews.case_reviews.retention import add_years, latest_start_past_retention, retention_ends_on
from reviews.case_reviews.selectors.retention import (
    case_review_rows,
    case_reviews_past_retention,
    cdop_cases_past_retention,
    cdop_rows,
    retention_settings,
)
from reviews.case_reviews.services.reviews import case_review_decide, milestone_add
from reviews.child_deaths.models import CdopCase
from reviews.child_deaths.services.cases import cdop_case_close

from ..child_deaths.factories import notify, review
from .factories import initiated_review, review_for

PUBLISHED_AT = "https://example.org/child-m.pdf"


def closed_case(board, closed_on: date, **overrides) -> CdopCase:
    return cdop_case_close(case=review(notify(board, **overrides)), closed_on=closed_on)


def cdop_listed(board, years: int, today: date) -> list:
    return cdop_rows(list(cdop_cases_past_retention(board=board, years=years, today=today)), years)


def reviews_listed(board, years: int, today: date) -> list:
    found = case_reviews_past_retention(board=board, years=years, today=today)
    return case_review_rows(list(found), years)


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2015, 6, 30), 10, date(2025, 6, 30)),
        (date(2016, 2, 29), 10, date(2026, 2, 28)),
        (date(2016, 2, 29), 4, date(2020, 2, 29)),
        (date(2020, 2, 29), -1, date(2019, 2, 28)),
    ],
)
def test_adding_years_keeps_the_day_and_moves_29_february_to_the_28th(day, years, expected):
    assert add_years(day, years) == expected


def test_the_database_cut_off_agrees_with_the_end_of_retention_on_every_day():
    """Across leap years: a start is selected exactly when its retention has ended."""
    starts = [date(2015, 1, 1) + timedelta(days=n) for n in range(3 * 366)]
    for years in (1, 4, 10):
        for today in (
            date(2026, 2, 28),
            date(2026, 3, 1),
            date(2024, 2, 28),
            date(2024, 2, 29),
            date(2025, 6, 30),
        ):
            cut_off = latest_start_past_retention(today, years)
            for start in starts:
                assert (start <= cut_off) == (retention_ends_on(start, years) <= today), (
                    start,
                    years,
                    today,
                )


def test_a_cdop_case_passes_retention_exactly_n_years_after_it_closed(board):
    case = closed_case(board, date(2015, 6, 30))
    assert cdop_listed(board, 10, date(2025, 6, 29)) == []
    [row] = cdop_listed(board, 10, date(2025, 6, 30))
    assert (row.pk, row.reference, row.started_on, row.ended_on) == (
        case.pk,
        case.number,
        date(2015, 6, 30),
        date(2025, 6, 30),
    )


def test_an_open_cdop_case_never_passes_retention(board):
    review(notify(board))  # reviewed by the panel, not closed
    notify(board, date_of_death=date(2013, 6, 1))
    assert cdop_listed(board, 1, date(2100, 1, 1)) == []


def test_a_signed_off_review_passes_retention_n_years_after_the_sign_off(board):
    signed_off = initiated_review(board)
    milestone_add(review=signed_off, kind="board_sign_off", actual_on=date(2014, 9, 1))
    assert reviews_listed(board, 5, date(2019, 8, 31)) == []
    [row] = reviews_listed(board, 5, date(2019, 9, 1))
    assert (row.reference, row.started_by, row.started_on, row.ended_on) == (
        "Child M",
        "Signed off by the board",
        date(2014, 9, 1),
        date(2019, 9, 1),
    )


def test_a_published_review_is_kept_from_its_publication(board):
    published = initiated_review(board)
    milestone_add(review=published, kind="board_sign_off", actual_on=date(2014, 9, 1))
    milestone_add(
        review=published, kind="publication", actual_on=date(2015, 1, 15), web_address=PUBLISHED_AT
    )
    assert reviews_listed(board, 5, date(2019, 9, 1)) == []
    [row] = reviews_listed(board, 5, date(2020, 1, 15))
    assert (row.started_by, row.started_on, row.ended_on) == (
        "Published",
        date(2015, 1, 15),
        date(2020, 1, 15),
    )


def test_a_decision_not_to_initiate_is_kept_from_the_decision(board):
    considered = review_for(board, reference="Child N")
    case_review_decide(
        review=considered,
        decision="not_initiate",
        decision_on=date(2014, 4, 1),
        decision_reasons="The criteria are not met.",
        decided_by="Independent chair",
    )
    [row] = reviews_listed(board, 3, date(2017, 4, 1))
    assert (row.reference, row.started_by, row.ended_on) == (
        "Child N",
        "Decided not to initiate a review",
        date(2017, 4, 1),
    )


def test_a_review_still_under_way_never_passes_retention(board):
    under_way = initiated_review(board)
    milestone_add(review=under_way, kind="board_sign_off", planned_on=date(2014, 9, 1))
    review_for(board, reference="Child P")  # no decision yet
    assert reviews_listed(board, 1, date(2100, 1, 1)) == []


def test_the_defaults_apply_until_the_manager_saves_settings(board):
    settings = retention_settings(board=board)
    assert settings._state.adding
    assert (settings.cdop_years, settings.case_review_years) == (10, 15)
    assert not RetentionSettings.objects.exists()  # reading the settings writes nothing


def test_one_boards_records_are_not_listed_for_another(board, other_board):
    closed_case(board, date(2014, 1, 6))
    signed_off = initiated_review(board)
    milestone_add(review=signed_off, kind="board_sign_off", actual_on=date(2014, 9, 1))
    today = date(2030, 1, 1)
    assert len(cdop_listed(board, 1, today)) == len(reviews_listed(board, 1, today)) == 1
    assert cdop_listed(other_board, 1, today) == reviews_listed(other_board, 1, today) == []
