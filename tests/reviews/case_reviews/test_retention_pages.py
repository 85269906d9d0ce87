"""The board manager's retention pages: the settings form (bad input refused), the report
(numbers and dates only, paged, constant queries, one board's records only)."""

from datetime import date

import pytest
from django.urls import reverse

from board.audit import entries_for_board
from reviews.case_reviews.models import RetentionSettings
from reviews.case_reviews.services.retention import retention_settings_update
from reviews.case_reviews.services.reviews import milestone_add
from reviews.child_deaths.models import CdopCase
from reviews.child_deaths.services.cases import cdop_case_close

from ..child_deaths.factories import notify, review
from .factories import initiated_review


def url(name: str, board) -> str:
    return reverse(f"case_reviews:{name}", kwargs={"board_slug": board.slug})


def closed_case(board, day: int = 10) -> CdopCase:
    case = review(notify(board, date_of_death=date(2013, 5, day)))
    return cdop_case_close(case=case, closed_on=date(2014, 1, 6))


def signed_off_review(board, reference: str = "Child M"):
    found = initiated_review(board, reference=reference)
    milestone_add(review=found, kind="board_sign_off", actual_on=date(2014, 9, 1))
    return found


def test_the_manager_saves_the_retention_periods(client_for, manager, board):
    response = client_for(manager).post(
        url("retention-settings", board), {"cdop_years": "12", "case_review_years": "20"}
    )
    assert response.status_code == 302
    assert response.url == url("retention-report", board)
    settings = RetentionSettings.objects.get(board=board)
    assert (settings.cdop_years, settings.case_review_years) == (12, 20)
    changes = entries_for_board(board).filter(content_type__model="retentionsettings")
    assert changes.get().actor == manager


def test_the_settings_page_tells_the_board_to_confirm_with_its_governance_officer(
    client_for, manager, board
):
    page = client_for(manager).get(url("retention-settings", board)).content.decode()
    assert "information governance officer" in page
    assert 'value="10"' in page and 'value="15"' in page
    assert "govuk-back-link" in page


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Keep child death records for at least 1 year"),
        ("-5", "Keep child death records for at least 1 year"),
        ("101", "Keep child death records for 100 years or fewer"),
        ("100000000000000000000000", "Keep child death records for 100 years or fewer"),
        ("ten", "Enter how many years to keep child death records as a whole number"),
        ("2.5", "Enter how many years to keep child death records as a whole number"),
        ("", "Enter how many years to keep child death records"),
    ],
)
def test_bad_periods_are_refused_with_a_clear_message(client_for, manager, board, value, message):
    response = client_for(manager).post(
        url("retention-settings", board), {"cdop_years": value, "case_review_years": "15"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert page.count(message) == 2  # in the summary and beside the field
    assert not RetentionSettings.objects.exists()


def test_the_service_refuses_a_period_the_form_did_not_check(board):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="from 1 to 100"):
        retention_settings_update(board=board, cdop_years=10, case_review_years=0)
    assert not RetentionSettings.objects.exists()


def test_the_report_shows_numbers_and_dates_only_and_deletes_nothing(client_for, manager, board):
    case = closed_case(board)
    signed_off_review(board)
    retention_settings_update(board=board, cdop_years=10, case_review_years=5)
    page = client_for(manager).get(url("retention-report", board)).content.decode()
    assert case.number in page and "Child M" in page
    assert "6 Jan 2014" in page and "6 Jan 2024" in page  # closed; passed 10 years later
    assert "1 Sep 2014" in page and "1 Sep 2019" in page  # signed off; passed 5 years later
    for detail in ("Selhurst", "Hospital paediatrician", "abuse is suspected"):
        assert detail not in page
    assert "Nothing has been deleted" in page
    assert "dispose of it under its records management policy" in page
    assert CdopCase.objects.filter(pk=case.pk).exists()


def test_a_shorter_period_brings_a_review_onto_the_report(client_for, manager, board):
    signed_off_review(board)
    client = client_for(manager)
    page = client.get(url("retention-report", board)).content.decode()
    assert "No case reviews are past retention" in page  # 15 years by default: 2029
    assert "These are the default periods" in page
    retention_settings_update(board=board, cdop_years=10, case_review_years=5)
    page = client.get(url("retention-report", board)).content.decode()
    assert "Child M" in page and "1 Sep 2019" in page
    assert "These are the default periods" not in page


def test_each_list_pages_on_its_own(client_for, manager, board, monkeypatch):
    monkeypatch.setattr("reviews.case_reviews.views.retention.ROWS_PER_PAGE", 2)
    numbers = [closed_case(board, day).number for day in (10, 11, 12)]
    client = client_for(manager)
    first = client.get(url("retention-report", board)).content.decode()
    second = client.get(url("retention-report", board), {"cdop_page": 2}).content.decode()
    assert [number in first for number in numbers] == [True, True, False]
    assert [number in second for number in numbers] == [False, False, True]
    assert "cdop_page=1" in second


def test_the_report_issues_the_same_queries_for_one_record_and_ten(
    client_for, manager, board, django_assert_max_num_queries, django_assert_num_queries
):
    client = client_for(manager)
    retention_settings_update(board=board, cdop_years=10, case_review_years=10)
    closed_case(board)
    signed_off_review(board)
    with django_assert_max_num_queries(20) as one:
        assert client.get(url("retention-report", board)).status_code == 200
    for day in range(11, 20):
        closed_case(board, day)
        signed_off_review(board, reference=f"Child {day}")
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(url("retention-report", board)).content.decode()
        assert page.count("Signed off by the board, 1 Sep 2014") == 10


def test_another_boards_manager_sees_only_their_own_records(
    client_for, board, other_board, manager, other_board_manager
):
    case = closed_case(board)
    signed_off_review(board)
    client = client_for(other_board_manager)
    page = client.get(url("retention-report", other_board)).content.decode()
    assert case.number not in page and "Child M" not in page
    assert client.get(url("retention-report", board)).status_code == 404
    client.post(url("retention-settings", other_board), {"cdop_years": 1, "case_review_years": 1})
    assert not RetentionSettings.objects.filter(board=board).exists()
    assert RetentionSettings.objects.get(board=other_board).cdop_years == 1
