import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from board.models import Action, ActionStatus, Objective, Priority
from board.selectors.plan import plan_priorities, priority_rollup
from board.services.actions import action_create
from board.services.plan import plan_carry_over
from core.periods import FinancialYear
from tests.factories import AgencyFactory

from .factories import ObjectiveFactory


def add_action(objective, user, status, due=datetime.date(2015, 3, 31)):
    return action_create(
        board=objective.board,
        description=f"{status} action",
        owner_agency=AgencyFactory(board=objective.board),
        due_date=due,
        source=objective,
        created_by=user,
        status=status,
    )


def test_actions_roll_up_by_status_per_priority(board, manager):
    objective = ObjectiveFactory(board=board)
    for status in ["on_track", "on_track", "at_risk", "complete"]:
        add_action(objective, manager, status)
    (priority,) = plan_priorities(board, FinancialYear(2014))
    counts = {item.status: item.count for item in priority_rollup(priority)}
    assert counts == {
        ActionStatus.NOT_STARTED: 0,
        ActionStatus.ON_TRACK: 2,
        ActionStatus.AT_RISK: 1,
        ActionStatus.OFF_TRACK: 0,
        ActionStatus.COMPLETE: 1,
    }


def test_unfinished_actions_are_carried_into_next_years_plan_once(board, manager):
    objective = ObjectiveFactory(board=board, title="Reduce repeat missing episodes")
    done = add_action(objective, manager, "complete")
    late = add_action(objective, manager, "off_track", due=datetime.date(2015, 1, 31))
    later = add_action(objective, manager, "on_track", due=datetime.date(2015, 9, 30))

    assert plan_carry_over(board=board, year=FinancialYear(2014), created_by=manager) == 2
    assert plan_carry_over(board=board, year=FinancialYear(2014), created_by=manager) == 0

    new_priority = Priority.objects.get(board=board, year=2015)
    assert new_priority.title == objective.priority.title
    new_objective = Objective.objects.get(priority=new_priority)
    assert new_objective.carried_over_from == objective
    copies = {a.carried_over_from_id: a for a in Action.objects.for_source(new_objective)}
    assert set(copies) == {late.pk, later.pk} and done.pk not in copies
    assert copies[late.pk].due_date == datetime.date(2016, 3, 31)
    assert copies[later.pk].due_date == datetime.date(2015, 9, 30)
    assert copies[late.pk].status == ActionStatus.OFF_TRACK


def test_running_the_carry_over_again_costs_the_same_however_many_were_carried(
    board, manager, django_assert_num_queries
):
    objective = ObjectiveFactory(board=board)
    add_action(objective, manager, "on_track")
    plan_carry_over(board=board, year=FinancialYear(2014), created_by=manager)
    with CaptureQueriesContext(connection) as few:
        assert plan_carry_over(board=board, year=FinancialYear(2014), created_by=manager) == 0
    for _ in range(6):
        add_action(objective, manager, "at_risk")
    plan_carry_over(board=board, year=FinancialYear(2014), created_by=manager)
    with django_assert_num_queries(len(few.captured_queries)):
        assert plan_carry_over(board=board, year=FinancialYear(2014), created_by=manager) == 0


def test_the_plan_page_shows_we_said_we_did_and_impact(board, lay_member, client_for):
    ObjectiveFactory(
        board=board, we_said="Audit MASH", we_did="Audited 40 cases", impact="Fewer delays"
    )
    url = reverse("plan", kwargs={"board_slug": board.slug})
    text = client_for(lay_member).get(url, {"year": "2014-15"}).content.decode()
    assert "Audited 40 cases" in text and "Fewer delays" in text
