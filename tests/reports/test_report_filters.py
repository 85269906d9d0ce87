"""The reports list and a report's sections, filtered as the home page links to them."""

from reports.models import AnnualReport, ReportState, Section


def _report(board, year, state=ReportState.DRAFTING):
    return AnnualReport.objects.create(
        board=board, start_year=year, title=f"Review {year}", state=state
    )


def _section(report, author=None, title="Health"):
    return Section.objects.create(
        board=report.board, report=report, section_type="narrative", title=title, author=author
    )


def test_an_author_sees_the_draft_they_write_in_and_no_other_draft(
    board, subgroup_chair, viewer, client_for
):
    written = _report(board, 2015)
    _section(written, author=subgroup_chair)
    _report(board, 2016)
    published = _report(board, 2014, ReportState.PUBLISHED)
    url = f"/boards/{board.slug}/reports/"
    listed = client_for(subgroup_chair).get(url).context["reports"]
    assert set(listed) == {written, published}
    assert set(client_for(viewer).get(url).context["reports"]) == {published}


def test_mine_lists_the_reports_with_a_section_of_yours_still_open(
    board, subgroup_chair, client_for
):
    open_report = _report(board, 2015, ReportState.IN_REVIEW)
    _section(open_report, author=subgroup_chair)
    approved = _report(board, 2014, ReportState.APPROVED)
    _section(approved, author=subgroup_chair)
    response = client_for(subgroup_chair).get(f"/boards/{board.slug}/reports/?mine=1")
    assert list(response.context["reports"]) == [open_report]
    assert "Show every report" in response.content.decode()


def test_state_filters_the_list_and_an_unknown_state_is_ignored(board, chair, client_for):
    in_review = _report(board, 2015, ReportState.IN_REVIEW)
    drafting = _report(board, 2016)
    client = client_for(chair)
    url = f"/boards/{board.slug}/reports/"
    assert list(client.get(url + "?state=in_review").context["reports"]) == [in_review]
    assert set(client.get(url + "?state=<b>").context["reports"]) == {in_review, drafting}


def test_a_reports_sections_filtered_to_yours(board, manager, subgroup_chair, client_for):
    report = _report(board, 2015)
    mine = _section(report, author=subgroup_chair, title="Health sub-group")
    _section(report, author=None, title="Chair's foreword")
    client = client_for(manager)
    url = f"/boards/{board.slug}/reports/2015-16/"
    assert len(client.get(url).context["sections"]) == 2
    chairs = client_for(subgroup_chair).get(url + "?mine=1").context["sections"]
    assert list(chairs) == [mine]
    # The manager's "mine" is theirs alone: they are the author of none.
    assert list(client.get(url + "?mine=1").context["sections"]) == []
