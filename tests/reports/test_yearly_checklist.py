"""The partnership yearly report's checklist: each item satisfied by its records or its
authored section, and each item not satisfied flagged by the consistency checks with
where it is fixed; the sign-off and the assessment wait for publication, not approval."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from board.partners import lead_partners
from reports import services
from reports.checks import find_problems, outstanding_problems, publication_problems
from reports.fixes import fixes_for
from reports.models import ReportKind
from reports.yearly.checklist import ITEMS, checklist

from .factories import YEAR, report_for
from .yearly_factories import (
    AUTHORED,
    complete_report,
    lead_agencies,
    partnership_report,
    review_of_the_year,
    signed_and_scrutinised,
    training_evaluated,
)


def status(report) -> dict[str, bool]:
    return {row.item.key: row.satisfied for row in checklist(report)}


def checklist_problems(report):
    return [p for p in find_problems(report) if dict(p.subject).get("item")]


def test_the_template_makes_a_partnership_report_with_every_item(board):
    report = partnership_report(board)
    assert report.kind == ReportKind.PARTNERSHIP
    assert report.title.endswith("Yearly Report 2014/15")
    assert [row.item.key for row in checklist(report)] == [item.key for item in ITEMS]


def test_an_lscb_annual_report_has_no_checklist(board):
    report = report_for(board)
    assert checklist(report) == []
    assert checklist_problems(report) == []


def test_the_sign_off_asks_the_lead_partners_only(board):
    leads = lead_agencies(board)
    assert list(lead_partners(board)) == sorted(leads, key=lambda a: a.name)


def test_nothing_is_satisfied_in_a_new_report(board):
    report = partnership_report(board)
    assert not any(status(report).values())
    keys = {dict(p.subject)["item"] for p in checklist_problems(report)}
    assert keys == {item.key for item in ITEMS}


def test_every_item_satisfied_by_its_records_and_sections(board):
    report = complete_report(board)
    assert all(status(report).values()), checklist(report)
    assert checklist_problems(report) == []
    evidence = {row.item.key: row.evidence for row in checklist(report)}
    assert evidence["reviews"] == "1 review: Child Q."
    assert evidence["recommendations"] == "1 action: 1 not started."
    assert evidence["training"] == "1 session evaluated at follow-up."
    assert evidence["sign_off"] == "Signed off by all 3 lead partners."


def test_records_of_another_year_do_not_count(board):
    partners = lead_agencies(board)
    review_of_the_year(board, partners[0], decided=datetime.date(2015, 5, 1))
    training_evaluated(board, day=datetime.date(2015, 4, 2))
    report = partnership_report(board)
    found = status(report)
    assert not found["reviews"] and not found["training"]
    # The action is due in 2014/15 (1 March 2015), so it counts for the year.
    assert found["recommendations"]


def test_a_session_evaluated_only_at_its_end_shows_no_impact(board):
    training_evaluated(board, follow_up=None)
    assert not status(partnership_report(board))["training"]


def test_an_empty_or_removed_authored_section_is_missing(board):
    report = partnership_report(board, **{k: v for k, v in AUTHORED.items() if "views" not in k})
    assert not status(report)["voice"]
    assert status(report)["activity"] and status(report)["progress"]
    voice = report.sections.get(title__startswith="How children")
    [problem] = [p for p in checklist_problems(report) if dict(p.subject)["item"] == "voice"]
    assert problem.section_id == str(voice.pk)
    fix = fixes_for(report, [problem])[problem.key]
    assert fix.url == reverse(
        "reports:section-write", kwargs={"board_slug": board.slug, "section_id": voice.pk}
    )
    services.section_remove(section=voice)
    [problem] = [p for p in checklist_problems(report) if dict(p.subject)["item"] == "voice"]
    fix = fixes_for(report, [problem])[problem.key]
    assert "has no section" in problem.message
    assert fix.url.endswith(f"/reports/{YEAR.slug}/add-section/")


def test_no_reviews_satisfied_by_the_reviews_section_saying_so(board):
    report = partnership_report(board, Child_safeguarding_practice_reviews="None this year.")
    assert status(report)["reviews"]


def test_record_items_link_to_where_the_records_are_kept(board):
    report = partnership_report(board)
    problems = {dict(p.subject)["item"]: p for p in checklist_problems(report)}
    fixes = fixes_for(report, list(problems.values()))
    on_board = {"board_slug": board.slug}
    assert fixes[problems["reviews"].key].url == reverse(
        "case_reviews:scr-register", kwargs=on_board
    )
    assert fixes[problems["training"].key].url == reverse("training-session-list", kwargs=on_board)
    assert fixes[problems["sign_off"].key].url.endswith(f"/{YEAR.slug}/sign-off/")
    assert fixes[problems["scrutiny"].key].url.endswith(f"/{YEAR.slug}/scrutiny/")
    assert "accept" not in fixes[problems["sign_off"].key].who


def test_sign_off_and_assessment_wait_for_publication_not_approval(board, manager):
    partners = lead_agencies(board)
    review_of_the_year(board, partners[0])
    training_evaluated(board)
    report = partnership_report(board, **AUTHORED)
    assert {dict(p.subject)["item"] for p in publication_problems(report)} == {
        "sign_off",
        "scrutiny",
    }
    assert not [p for p in outstanding_problems(report) if dict(p.subject).get("item")]
    with pytest.raises(ValidationError, match="cannot be accepted"):
        services.problems_accept(report=report, keys=[publication_problems(report)[0].key],
                                 reason="Later", by=manager)  # fmt: skip
    for state in ("in_review", "approved"):
        report.state = state
        report.save()
    with pytest.raises(ValidationError, match="Sign-off by the lead safeguarding partners"):
        services.report_transition(report=report, to="published", by=manager)
    signed_and_scrutinised(report, partners)
    assert publication_problems(report) == []
    report = services.report_transition(report=report, to="published", by=manager)
    assert report.state == "published"


def test_one_partner_missing_is_named(board):
    partners = lead_agencies(board)
    report = partnership_report(board)
    signed_and_scrutinised(report, partners[:2])
    [row] = [row for row in checklist(report) if row.item.key == "sign_off"]
    assert row.evidence == f"Not yet signed off by {partners[2].name}."
