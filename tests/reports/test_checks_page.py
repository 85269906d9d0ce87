"""The checks page worked through: each problem links to where it is fixed and says who
can clear it; the manager accepts several problems with one reason (or one at a time),
and a missing reason or choice says what is wrong; the page costs the same number of
queries whatever the records."""

import datetime

import pytest
from django.urls import reverse

from reports import services
from reports.checks import find_problems, outstanding_problems
from reports.fixes import fixes_for
from reports.models import CheckAcceptance, ReportState
from subgroups.models import ReturnStatus, SubGroup
from tests.board.factories import MeetingFactory, MembershipFactory

from .factories import YEAR, acronyms, dataset, report_for, set_section, subgroup_with_returns

INTRO = "Introduction_from_the_independent_chair"


def url(board, name="checks", **kwargs):
    kwargs.setdefault("year", YEAR.slug)
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, **kwargs})


def problem_of(report, text: str):
    return next(p for p in find_problems(report) if text in p.message)


def flagged_report(board):
    """A short review with one problem of each kind that has a place to be fixed."""
    dataset(board, values=(100, None, 120, 130))
    subgroup_with_returns(board, approved=(1, 2, 3), others={4: ReturnStatus.SUBMITTED})
    report = report_for(board, **{INTRO: "Figures TBC."})
    set_section(report, "dataset", config={"indicators": "referrals, nonsense"})
    return report


def test_each_problem_links_to_the_page_where_it_is_fixed(board, manager):
    report = flagged_report(board)
    problems = find_problems(report)
    fixes = fixes_for(report, problems)
    slug = board.slug

    def fix(text):
        return fixes[problem_of(report, text).key]

    intro = report.sections.get(section_type="narrative")
    key_figures = report.sections.get(section_type="dataset")
    health = SubGroup.objects.get(board=board, name="Health")
    assert fix("to be confirmed").url == f"/boards/{slug}/reports/sections/{intro.id}/write/"
    assert fix("has no value for Q2").url == f"/boards/{slug}/data/import/"
    assert fix("No indicator has the code").url == (
        f"/boards/{slug}/reports/sections/{key_figures.id}/"
    )
    assert fix("The return from Health").url == (
        f"/boards/{slug}/subgroups/{health.id}/returns/2014-15-q4/"
    )
    assert problem_of(report, "The return from Health").section_title == "Sub-group returns"
    assert fix("The return from Health").who == (
        "The board manager can approve the return (or send it back), or accept it with a reason."
    )
    calendar = report.sections.get(section_type="calendar")
    empty = fixes[next(p.key for p in problems if p.section_id == str(calendar.id))]
    assert empty.url == f"/boards/{slug}/meetings/"
    assert empty.who == (
        "The board manager can add the records, write an introduction, or accept it with a reason."
    )


def test_the_who_names_the_sections_author(board, manager, subgroup_chair):
    report = report_for(board, **{INTRO: "Figures TBC."})
    set_section(report, "narrative", author=subgroup_chair)
    fix = fixes_for(report, [problem_of(report, "to be confirmed")])
    assert list(fix.values())[0].who == (
        f"{subgroup_chair.full_name} (the section's author) or the board manager can change "
        "the text, or the board manager can accept it with a reason."
    )


def test_the_page_shows_each_link_and_who_can_clear_it(board, chair, client_for):
    report = flagged_report(board)
    html = client_for(chair).get(url(board)).content.decode()
    intro = report.sections.get(section_type="narrative")
    assert f'href="/boards/{board.slug}/reports/sections/{intro.id}/write/"' in html
    assert f'href="/boards/{board.slug}/data/import/"' in html
    assert "The board manager can import the missing figures, or accept it with a reason." in html
    # The chair reads; only the manager accepts: no checkboxes for the chair.
    assert 'type="checkbox"' not in html


def test_the_manager_accepts_several_problems_with_one_reason(board, manager, client_for):
    report = flagged_report(board)
    chosen = [p.key for p in outstanding_problems(report)][:3]
    client = client_for(manager)
    response = client.post(
        url(board), {"problems": chosen, "reason": "Agreed at the board meeting"}
    )
    assert response.status_code == 302
    accepted = CheckAcceptance.objects.filter(report=report)
    assert sorted(a.key for a in accepted) == sorted(chosen)
    assert {a.reason for a in accepted} == {"Agreed at the board meeting"}
    assert {a.accepted_by for a in accepted} == {manager}
    page = client.get(url(board)).content.decode()
    assert "3 problems accepted, with your reason recorded." in page
    assert page.count("Accepted by") == 3


def test_accepting_one_at_a_time_still_works(board, manager, client_for):
    report = flagged_report(board)
    first, second = [p.key for p in outstanding_problems(report)][:2]
    client = client_for(manager)
    assert client.post(url(board), {"problems": [first], "reason": "Fine"}).status_code == 302
    # The one-problem form of the old page (and of scripts): `key` and `reason`.
    assert client.post(url(board), {"key": second, "reason": "Also fine"}).status_code == 302
    assert CheckAcceptance.objects.filter(report=report).count() == 2
    assert "Problem accepted, with your reason recorded." in client.get(url(board)).content.decode()


@pytest.mark.parametrize(
    ("data", "error", "anchor"),
    [
        ({"reason": "Agreed"}, "Choose at least one problem to accept", "id_problems_0"),
        ({"problems": "two", "reason": ""}, "Enter why the 2 problems you chose can be accepted",
         "id_reason"),
        ({"problems": "one", "reason": "   "}, "Enter why the problem you chose can be accepted",
         "id_reason"),
        ({"problems": ["gone:0123456789abcdef"], "reason": "Agreed"},
         "One of the problems you chose is no longer found", "id_problems_0"),
    ],
)  # fmt: skip
def test_bad_input_says_what_is_wrong_and_keeps_the_choice(
    board, manager, client_for, data, error, anchor
):
    report = flagged_report(board)
    keys = [p.key for p in outstanding_problems(report)]
    if data.get("problems") == "two":
        data = {**data, "problems": keys[:2]}
    if data.get("problems") == "one":
        data = {**data, "problems": keys[:1]}
    response = client_for(manager).post(url(board), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "<title>Error:" in html
    assert f'<a href="#{anchor}">{error}' in html
    assert not CheckAcceptance.objects.exists()
    for key in data.get("problems", []):
        if key in keys:  # what was chosen is still chosen
            assert f'value="{key}" class="govuk-checkboxes__input" id="' in html
            assert html.split(f'value="{key}"')[1].split(">")[0].endswith("checked")


def test_only_the_manager_accepts_and_not_once_the_report_is_approved(
    board, manager, chair, client_for
):
    report = flagged_report(board)
    key = outstanding_problems(report)[0].key
    assert client_for(chair).post(url(board), {"problems": [key], "reason": "x"}).status_code == 403
    report.state = ReportState.APPROVED
    report.save()
    response = client_for(manager).post(url(board), {"problems": [key], "reason": "Agreed"})
    assert response.status_code == 200
    assert "The report is approved: its problems can no longer be accepted." in (
        response.content.decode()
    )
    assert not CheckAcceptance.objects.exists()


def _more_records(board, report, count: int, by) -> None:
    """Sub-groups with returns (each a section), indicators, meetings, members, acronyms,
    placeholders and acceptances: everything the checks read, multiplied."""
    for n in range(count):
        name = f"Sub-group {n}"
        subgroup_with_returns(board, name=name, approved=(1, 2), others={3: "draft"})
        services.section_add(owner=report, section_type="subgroup_report", title=name,
                             config={"subgroup": name})  # fmt: skip
        dataset(board, code=f"ind{n}", name=f"Indicator {n}", values=(1, None, 3, 4))
        MeetingFactory(board=board, date=datetime.date(2014, 5, 1) + datetime.timedelta(days=n))
        MembershipFactory(board=board)
    codes = ", ".join(["referrals", *(f"ind{n}" for n in range(count))])
    set_section(report, "dataset", config={"indicators": codes})
    set_section(report, "narrative", narrative="Figures TBC. XX children. [insert chart]")
    for problem in outstanding_problems(report)[: count * 2]:
        CheckAcceptance.objects.create(board=board, report=report, key=problem.key,
                                       reason="Agreed", accepted_by=by)  # fmt: skip


# Sessions, the person and their roles, the board, the report, its sections and
# acronyms, each section's gather, the returns of the year, the acceptances, the authors,
# and the header's count of unread notifications.
CHECKS_PAGE_QUERIES = 43


def test_the_checks_page_issues_the_same_queries_whatever_the_records(
    board, manager, client_for, django_assert_num_queries
):
    acronyms(board)
    dataset(board)
    subgroup_with_returns(board, approved=(1,))
    report = report_for(board, template_key="annual-review")
    set_section(report, "dataset", config={"indicators": "referrals"})
    client = client_for(manager)
    # Once first: Django caches content types per process, and the first read of the
    # returns' settings makes the board's row.
    assert client.get(url(board)).status_code == 200
    with django_assert_num_queries(CHECKS_PAGE_QUERIES):
        small = client.get(url(board))
        assert small.status_code == 200
    _more_records(board, report, 10, by=manager)
    with django_assert_num_queries(CHECKS_PAGE_QUERIES):
        large = client.get(url(board))
        assert large.status_code == 200
    assert large.content.decode().count("Sub-group 9") >= 2  # its section and its return
