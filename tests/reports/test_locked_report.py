"""An approved report is locked: it offers no Write, Edit, Move, Remove or Add, and a
save refused (the report approved meanwhile, or the section no longer the writer's)
shows the form again with everything typed and why, never a bare 403."""

from django.urls import reverse

from reports.models import ReportState, Section

from .factories import YEAR, report_for

TYPED = "Three paragraphs the author spent an hour on."


def url(board, name: str, **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, **kwargs})


def approved(board):
    report = report_for(board)
    report.state = ReportState.APPROVED
    report.save()
    return report


def test_an_approved_report_offers_no_editing_controls(board, manager, client_for):
    report = approved(board)
    section = report.sections.first()
    html = client_for(manager).get(url(board, "report", year=YEAR.slug)).content.decode()
    assert "The report is approved: its sections are locked." in html
    assert "Preview<span" in html
    for control in ("write/", "move/", "remove/", "add-section/", f'sections/{section.id}/"'):
        assert control not in html, control
    for words in (">Write<", ">Edit<", ">Move up<", ">Move down<", ">Remove<", "Add a section"):
        assert words not in html, words


def test_a_save_refused_because_the_report_was_approved_keeps_the_text(board, manager, client_for):
    report = approved(board)
    section = report.sections.get(section_type="narrative")
    client = client_for(manager)
    response = client.post(url(board, "section-write", section_id=section.id), {"narrative": TYPED})
    html = response.content.decode()
    assert response.status_code == 403
    assert "There is a problem" in html
    assert (
        "The report is approved, so its sections are locked. Your text has not been saved" in html
    )
    assert f"{TYPED}</textarea>" in html
    section.refresh_from_db()
    assert section.narrative == ""
    edit = client.post(url(board, "section-edit", section_id=section.id),
                       {"title": "Changed", "narrative": TYPED})  # fmt: skip
    assert edit.status_code == 403 and f"{TYPED}</textarea>" in edit.content.decode()
    assert Section.objects.get(pk=section.pk).title == section.title


def test_a_save_refused_because_the_section_is_no_longer_yours_keeps_the_text(
    board, manager, subgroup_chair, board_member, client_for
):
    report = report_for(board)
    section = report.sections.get(section_type="narrative")
    section.author = board_member  # given to someone else while the chair was writing
    section.save()
    response = client_for(subgroup_chair).post(
        url(board, "section-write", section_id=section.id), {"narrative": TYPED}
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert f"Only the section&#x27;s author ({board_member.full_name}) or the board manager" in html
    assert f"{TYPED}</textarea>" in html
    # Never offered to them in the first place.
    assert (
        client_for(subgroup_chair)
        .get(url(board, "section-write", section_id=section.id))
        .status_code
        == 403
    )


def test_controls_reached_on_an_approved_report_change_nothing_and_say_why(
    board, manager, client_for
):
    report = approved(board)
    first, second = report.sections.all()[:2]
    client = client_for(manager)
    back = url(board, "report", year=YEAR.slug)
    for response in (
        client.get(url(board, "section-write", section_id=first.id)),
        client.get(url(board, "section-edit", section_id=first.id)),
        client.get(url(board, "section-remove", section_id=first.id)),
        client.post(url(board, "section-remove", section_id=first.id)),
        client.post(url(board, "section-move", section_id=first.id), {"direction": "down"}),
        client.post(url(board, "report-section-add", year=YEAR.slug),
                    {"section_type": "narrative", "title": "New"}),
    ):  # fmt: skip
        assert response.status_code == 302
        assert response["Location"] in (back, url(board, "section-preview", section_id=first.id))
    page = client.get(back).content.decode()
    assert "The report is approved, so its sections are locked: the board manager can " in page
    assert list(report.sections.all()[:2]) == [first, second]
    assert report.sections.count() == Section.objects.filter(report=report).count()
    assert not report.sections.filter(title="New").exists()
