from datetime import date

from django.urls import reverse

from subgroups.models import QuarterlyReturn, ReturnStatus
from subgroups.services import returns as services
from subgroups.services.spec import template_spec

from .factories import answers, subgroup_with_chair
from .test_workflow import submit


def _url(subgroup, name="return-edit", quarter="2014-15-q1"):
    kwargs = {"board_slug": subgroup.board.slug, "subgroup_id": subgroup.pk, "quarter": quarter}
    return reverse(f"subgroups:{name}", kwargs=kwargs)


def test_a_chair_of_another_sub_group_may_not_edit_this_return(
    board, client_for, health, board_member
):
    subgroup_with_chair(board, board_member, name="Education")
    client = client_for(board_member)
    assert client.get(_url(health)).status_code == 403
    assert (
        client.post(_url(health), {**answers(health), "version": 0, "submit": ""}).status_code
        == 403
    )
    assert not QuarterlyReturn.objects.exists()


def test_a_bad_quarter_is_not_found(client_for, subgroup_chair, health):
    assert client_for(subgroup_chair).get(_url(health, quarter="2014-15-q9")).status_code == 404


def test_a_submission_with_bad_figures_shows_each_error_and_keeps_what_was_typed(
    client_for, subgroup_chair, health
):
    data = {**answers(health, total="ten", police="-1"), "version": 0, "submit": ""}
    response = client_for(subgroup_chair).post(_url(health), data)
    page = response.content.decode()
    indicator = template_spec(health)["indicators"][0]["id"]
    assert response.status_code == 200
    assert f'href="#id_f_{indicator}"' in page  # the error summary links to the field
    assert "Referrals must be a number, like 12" in page
    assert "Referrals (Police) must be 0 or more" in page
    assert 'value="ten"' in page
    assert not QuarterlyReturn.objects.exists()


def test_a_draft_saves_partial_work(client_for, subgroup_chair, health):
    data = {"version": 0, "save": "", **{k: "" for k in answers(health)}}
    first_question = next(k for k in data if k.startswith("q_"))
    data[first_question] = "Half written"
    response = client_for(subgroup_chair).post(_url(health), data)
    assert response.status_code == 302
    r = QuarterlyReturn.objects.get()
    assert (r.status, r.version) == (ReturnStatus.DRAFT, 1)


def test_the_second_of_two_saves_sees_a_conflict_and_keeps_their_answers(
    client_for, subgroup_chair, lay_member, board, health
):
    subgroup_with_chair(board, lay_member, name="Health", role="deputy")
    first, second = client_for(subgroup_chair), client_for(lay_member)
    base = answers(health)
    question = next(k for k in base if k.startswith("q_"))
    assert (
        first.post(
            _url(health), {**base, question: "Chair's words", "version": 0, "save": ""}
        ).status_code
        == 302
    )
    response = second.post(
        _url(health), {**base, question: "Deputy's words", "version": 0, "save": ""}
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this return" in page
    assert "Chair&#x27;s words" in page and "Deputy&#x27;s words" in page
    assert 'name="version" value="1"' in page
    assert QuarterlyReturn.objects.get().content["questions"][question[2:]] == "Chair's words"
    # Saving again, having seen the change, keeps the deputy's version.
    again = second.post(
        _url(health), {**base, question: "Deputy's words", "version": 1, "save": ""}
    )
    assert again.status_code == 302
    assert QuarterlyReturn.objects.get().content["questions"][question[2:]] == "Deputy's words"


def test_an_approved_return_cannot_be_edited(client_for, subgroup_chair, manager, health):
    r = services.quarterly_return_approve(
        quarterly_return=submit(health, subgroup_chair), by=manager
    )
    client = client_for(subgroup_chair)
    response = client.post(
        _url(health), {**answers(health, total="99"), "version": r.version, "save": ""}
    )
    assert response.status_code == 302
    assert "approved and cannot be changed" in client.get(response.url).content.decode()
    r.refresh_from_db()
    assert r.content["figures"][template_spec(health)["indicators"][0]["id"]] == "10"


def test_the_manager_returns_with_a_reason_and_an_empty_reason_is_refused(
    client_for, subgroup_chair, manager, health
):
    submit(health, subgroup_chair)
    client = client_for(manager)
    response = client.post(_url(health, "return-send-back"), {"reason": ""})
    assert response.status_code == 200 and "Enter the reason" in response.content.decode()
    assert QuarterlyReturn.objects.get().status == ReturnStatus.SUBMITTED
    client.post(_url(health, "return-send-back"), {"reason": "Add the audit findings"})
    assert QuarterlyReturn.objects.get().status == ReturnStatus.RETURNED


def test_approving_a_return_not_submitted_is_refused(client_for, manager, health):
    response = client_for(manager).post(_url(health, "return-approve"), {})
    assert response.status_code == 200
    assert "not been started" in response.content.decode()


def test_my_returns_lists_overdue_first(client_for, subgroup_chair, health):
    from subgroups.selectors import my_returns

    due = my_returns(health.board, subgroup_chair, today=date(2025, 7, 23))
    assert [d.quarter.label for d in due[:4]] == [
        "Q1 2024/25",
        "Q2 2024/25",
        "Q3 2024/25",
        "Q4 2024/25",
    ]
    assert all(d.is_overdue_on(date(2025, 7, 23)) for d in due[:4])
    assert due[-1].quarter.label == "Q1 2025/26" and not due[-1].is_overdue_on(date(2025, 7, 23))
    page = client_for(subgroup_chair).get(
        reverse("subgroups:my-returns", kwargs={"board_slug": health.board.slug})
    )
    assert "Overdue" in page.content.decode()


def test_completeness_gives_reporting_and_on_time_rates(
    client_for, manager, subgroup_chair, health, board
):
    from datetime import UTC, datetime

    from core.periods import FinancialYear
    from subgroups.selectors import completeness

    submit(health, subgroup_chair, now=datetime(2014, 7, 1, tzinfo=UTC))
    subgroup_with_chair(board, manager, name="Education")
    grid = completeness(board, FinancialYear(2014), today=date(2015, 6, 1))
    q1 = grid.by_quarter[0]
    assert (q1.expected, q1.submitted, q1.on_time) == (2, 1, 1)
    assert (q1.reporting_rate, grid.for_year.reporting_rate) == (50, 13)  # 1 of 8, half-up
