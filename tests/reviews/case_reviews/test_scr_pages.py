"""The register, the composite action plans, the dashboard, themes and the annual report's
selector."""

from datetime import date

import pytest
from django.utils import timezone

from board.models import Action
from core.periods import FinancialYear
from reviews.case_reviews.models import CaseReview, Recommendation, Theme
from reviews.case_reviews.selectors.reviews import case_review_year_summary
from reviews.case_reviews.services.actions import recommendation_create, scr_action_add
from reviews.case_reviews.services.learning import lesson_add
from reviews.case_reviews.services.reviews import milestone_add

from .factories import agency, initiated_review


def recommend(review, owner, user, due=date(2015, 3, 31), text="Strengthen the missing panel"):
    return recommendation_create(
        review=review, text=text, scope="multi", owner_agency=owner, due_date=due, created_by=user
    )


def test_the_register_shows_days_elapsed_to_every_board_role(board, viewer, client_for):
    today = timezone.localdate()
    initiated_review(board, incident_on=today, notified_on=today, decision_on=today)
    page = client_for(viewer).get(f"/boards/{board.slug}/reviews/case-reviews/").content.decode()
    assert "Child M" in page and "0 days of 1 month" in page and "0 days of 6 months" in page
    assert "composite" not in page.lower()  # the viewer sees the summary only


def test_the_register_issues_a_constant_number_of_queries(
    board, scr_member, client_for, django_assert_max_num_queries
):
    client = client_for(scr_member)
    url = f"/boards/{board.slug}/reviews/case-reviews/"
    initiated_review(board)
    client.get(url)
    with django_assert_max_num_queries(25) as small:
        client.get(url)
    for n in range(8):
        review = initiated_review(board, reference=f"Child {n}")
        milestone_add(review=review, kind="draft_report", actual_on=date(2014, 6, 1))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_an_agencys_composite_plan_gathers_its_actions_from_every_review(
    board, scr_member, manager, client_for
):
    police, health = agency(board), agency(board, "Testshire Health")
    first = recommend(initiated_review(board), police, scr_member)
    second = recommend(
        initiated_review(board, reference="Child P"), health, scr_member, text="Train"
    )
    scr_action_add(
        recommendation=second,
        description="Police briefing",
        owner_agency=police,
        due_date=date(2015, 6, 30),
        created_by=scr_member,
    )
    page = (
        client_for(manager)
        .get(f"/boards/{board.slug}/reviews/case-reviews/action-plans/{police.pk}/")
        .content.decode()
    )
    assert "Strengthen the missing panel" in page and "Police briefing" in page
    assert "Child M, recommendation 1" in page and "Child P, recommendation 1" in page
    assert "Train" not in page.replace("Training", "")
    assert "Overdue" in page  # due in 2015 and not complete
    assert Action.objects.for_source(first).get().source_type == "serious_case_review"


def test_a_single_agency_recommendation_keeps_one_owner(board, scr_member):
    police = agency(board)
    rec = recommendation_create(
        review=initiated_review(board),
        text="X",
        scope="single",
        owner_agency=police,
        due_date=date(2015, 1, 1),
        created_by=scr_member,
    )
    with pytest.raises(Exception, match="one owning agency"):
        scr_action_add(
            recommendation=rec,
            description="Y",
            owner_agency=agency(board, "Other"),
            due_date=date(2015, 1, 1),
            created_by=scr_member,
        )


def test_the_dashboard_shows_stages_clocks_at_risk_and_completion(
    board, chair, scr_member, client_for
):
    police = agency(board)
    review = initiated_review(board)
    recommend(review, police, scr_member)
    action = Action.objects.get()
    action.status, action.evidence = "complete", "Report"
    action.save()
    recommend(review, police, scr_member, text="Second")
    page = (
        client_for(chair)
        .get(f"/boards/{board.slug}/reviews/case-reviews/dashboard/")
        .content.decode()
    )
    assert "In progress" in page and "Completion (board sign-off)" in page  # overdue since 2014
    assert "50%" in page


def test_themes_are_seeded_and_counted_across_reviews_and_years(board, scr_member, client_for):
    client = client_for(scr_member)
    page = client.get(f"/boards/{board.slug}/reviews/case-reviews/themes/").content.decode()
    assert "Child sexual exploitation" in page and "Pre-birth assessment" in page
    missing = Theme.objects.get(board=board, name="Missing")
    lesson_add(review=initiated_review(board), text="A", themes=[missing])
    lesson_add(
        review=initiated_review(board, reference="Child P", decision_on=date(2014, 4, 2)),
        text="B",
        themes=[missing],
    )
    page = client.get(f"/boards/{board.slug}/reviews/case-reviews/themes/").content.decode()
    assert "2013/14" in page and "2014/15" in page


def test_the_annual_report_selector_counts_the_year(board, scr_member):
    review = initiated_review(board, decision_on=date(2014, 4, 10))
    milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 11, 26))
    milestone_add(
        review=review,
        kind="publication",
        actual_on=date(2015, 3, 1),
        web_address="https://example.org/child-m.pdf",
    )
    recommend(review, agency(board), scr_member)
    lesson_add(review=review, text="A", themes=[Theme.objects.get(board=board, name="Missing")])
    summary = case_review_year_summary(board=board, year=FinancialYear.parse("2014-15"))
    assert [r.reference for r in summary.initiated] == ["Child M"]
    assert [r.reference for r in summary.completed] == ["Child M"]
    assert summary.published[0][2] == "https://example.org/child-m.pdf"
    assert (summary.actions_total, summary.actions_complete) == (1, 0)
    assert summary.themes == [("Missing", 1)]
    empty = case_review_year_summary(board=board, year=FinancialYear.parse("2013-14"))
    assert not empty.initiated and not empty.published


def test_the_cdop_case_shows_its_linked_review(board, cdop_member, client_for):
    from tests.reviews.child_deaths.factories import case_for

    case = case_for(board)
    initiated_review(board, cdop_case=case)
    page = (
        client_for(cdop_member)
        .get(f"/boards/{board.slug}/reviews/cdop/cases/{case.pk}/")
        .content.decode()
    )
    assert "Linked case review" in page and "Child M" in page


def test_the_demo_loads_the_croydon_reviews_again_and_again(board, scr_member):
    from board.demo import DEMO_AGENCIES
    from board.models import Agency
    from reviews.case_reviews import demo as scr_demo

    for name, sector, statutory in DEMO_AGENCIES:
        Agency.objects.create(board=board, name=name, sector=sector, is_statutory_partner=statutory)
    scr_demo.load(board, lambda text: None)
    scr_demo.load(board, lambda text: None)
    assert set(CaseReview.objects.values_list("reference", flat=True)) == {
        "Child M",
        "Child P",
        "Joint review with LB Merton",
        "Child Q",  # the three reviews initiated in 2014/15
        "Child R",
        "Child S",
    }
    assert Recommendation.objects.count() == 6
    statuses = set(Action.objects.values_list("status", flat=True))
    assert {"complete", "on_track", "not_started"} <= statuses
