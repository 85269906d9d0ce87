"""Approval and publication ask for confirmation, and only the POST changes anything.
The chair who asks to approve while problems remain sees them, with who can clear each
and where, instead of being sent to a page of buttons only the manager may press."""

from django.urls import reverse

from reports.checks import outstanding_problems
from reports.models import AnnualReport, CheckAcceptance, ReportState

from .factories import YEAR, report_for

INTRO = "Introduction_from_the_independent_chair"


def url(board, name: str) -> str:
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, "year": YEAR.slug})


def in_review(board, **narratives):
    report = report_for(board, **narratives)
    report.state = ReportState.IN_REVIEW
    report.save()
    return report


def accept_all(report, by) -> None:
    for problem in outstanding_problems(report):
        CheckAcceptance.objects.create(board=report.board, report=report, key=problem.key,
                                       reason="Agreed", accepted_by=by)  # fmt: skip


def state(report) -> str:
    return AnnualReport.objects.get(pk=report.pk).state


def test_the_chair_sees_what_remains_and_who_can_clear_it(board, chair, client_for):
    report = in_review(board, **{INTRO: "Figures TBC."})
    remaining = outstanding_problems(report)
    client = client_for(chair)
    for response in (client.get(url(board, "report-approve")),
                     client.post(url(board, "report-approve"))):  # fmt: skip
        html = response.content.decode()
        assert response.status_code == 200
        assert "The report cannot be approved yet" in html
        assert f"{len(remaining)} consistency problems are still to be resolved" in html
        assert "Contains a &#x27;to be confirmed&#x27; note" in html
        assert "The board manager can change the text, or accept it with a reason." in html
        assert "Record the board&#x27;s approval</button>" not in html
    assert state(report) == ReportState.IN_REVIEW


def test_approval_asks_for_confirmation_and_only_the_post_approves(
    board, manager, chair, client_for
):
    report = in_review(board)
    accept_all(report, manager)
    client = client_for(chair)
    page = client.get(url(board, "report-approve"))
    html = page.content.decode()
    assert "Record the board&#x27;s approval of the report?" in html
    assert "Once approved, the report is locked" in html
    assert state(report) == ReportState.IN_REVIEW
    # The old button's form, posted to the state page, is sent to the confirmation.
    old = client.post(url(board, "report-state"), {"to": "approved"})
    assert old.status_code == 302 and old["Location"] == url(board, "report-approve")
    assert state(report) == ReportState.IN_REVIEW
    done = client.post(url(board, "report-approve"))
    assert done.status_code == 302 and done["Location"] == url(board, "report")
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED and report.approved_by == chair


def test_publication_asks_for_confirmation(board, manager, client_for):
    report = in_review(board)
    accept_all(report, manager)
    client = client_for(manager)
    client.post(url(board, "report-approve"))
    html = client.get(url(board, "report-publish")).content.decode()
    assert "Publish the report?" in html and "cannot be changed" in html
    assert state(report) == ReportState.APPROVED
    client.post(url(board, "report-state"), {"to": "published"})
    assert state(report) == ReportState.APPROVED
    assert client.post(url(board, "report-publish")).status_code == 302
    assert state(report) == ReportState.PUBLISHED


def test_a_report_in_the_wrong_state_is_not_approved_or_published(board, manager, client_for):
    report = report_for(board)  # drafting
    client = client_for(manager)
    response = client.post(url(board, "report-approve"), follow=True)
    assert "only a report in review can be approved" in response.content.decode()
    response = client.post(url(board, "report-publish"), follow=True)
    assert "only a report the board has approved can be published" in response.content.decode()
    assert state(report) == ReportState.DRAFTING


def test_the_report_page_offers_the_steps_as_links_to_their_confirmation(
    board, manager, client_for
):
    in_review(board)
    html = client_for(manager).get(url(board, "report")).content.decode()
    link = f'href="{url(board, "report-approve")}">Record the board\'s approval</a>'
    assert link in html
    assert 'value="drafting"' in html  # going back needs no confirmation
