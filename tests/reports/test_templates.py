"""Report templates edited in one place (issue 21): sections added where they go, dragged
or moved to a place, their type and page break changed; the template's settings; the
template as a file, round trip and bad files; the report's own title and subtitle; the
write page's help for the section's type."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.periods import FinancialYear
from reports import services, template_files
from reports.models import ReportTemplate
from reports.rendering import gather_all, render_html

from .factories import report_for


def url(board, name, **kwargs):
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, **kwargs})


def titles(owner) -> list[str]:
    return list(owner.sections.order_by("order").values_list("title", flat=True))


@pytest.fixture
def template(board):
    return services.template_copy_builtin(board=board, key="short-review", name="Ours")


def test_a_section_is_added_at_the_start_or_after_the_one_chosen(
    board, manager, client_for, template
):
    client = client_for(manager)
    add = url(board, "template-section-add", template_id=template.id)
    client.post(add, {"section_type": "narrative", "title": "First", "position": "0",
                      "new_page": "flow"})  # fmt: skip
    client.post(add, {"section_type": "narrative", "title": "Third", "position": "2"})
    assert titles(template)[:4] == ["First", "Contents", "Third",
                                    "Introduction from the independent chair"]  # fmt: skip
    first = template.sections.get(title="First")
    assert first.new_page is False and template.sections.get(title="Third").new_page is True
    response = client.get(url(board, "template", template_id=template.id))
    page = response.content.decode()
    assert "After “Glossary”" in page and "At the start" in page and "Flows on" in page


@pytest.mark.parametrize("position", ["99", "-1", "x"])
def test_a_position_not_offered_is_refused_by_name(board, manager, client_for, template, position):
    count = template.sections.count()
    response = client_for(manager).post(
        url(board, "template-section-add", template_id=template.id),
        {"section_type": "narrative", "title": "X", "position": position},
    )
    assert response.status_code == 200
    assert "Choose the position from the list" in response.content.decode()
    assert template.sections.count() == count


def test_a_dragged_section_is_placed_and_a_bad_place_changes_nothing(
    board, manager, client_for, template
):
    client = client_for(manager)
    glossary = template.sections.get(title="Glossary")
    move = url(board, "section-move", section_id=glossary.id)
    client.post(move, {"position": "1"})
    assert titles(template)[:2] == ["Contents", "Glossary"]
    before = titles(template)
    response = client.post(move, {"position": "first"}, follow=True)
    assert "its new place was not a number" in response.content.decode()
    assert titles(template) == before
    client.post(move, {"position": "500"})  # past the end: the end
    assert titles(template)[-1] == "Glossary"


def test_the_edit_page_changes_type_title_place_and_page_break(
    board, manager, client_for, template
):
    client = client_for(manager)
    section = template.sections.get(title="Priorities for next year")
    edit = url(board, "section-edit", section_id=section.id)
    response = client.post(edit, {"section_type": "dataset", "title": "Key figures again",
                                  "position": "0", "new_page": "flow"})  # fmt: skip
    section.refresh_from_db()
    assert (section.section_type, section.title, section.new_page) == (
        "dataset", "Key figures again", False,
    )  # fmt: skip
    assert titles(template)[0] == "Key figures again"
    # A type with settings: back to the edit page, now asking for them.
    assert response.url == edit
    page = client.get(edit).content.decode()
    assert "Indicators" in page
    client.post(edit, {"section_type": "dataset", "title": "Key figures again",
                       "config_indicators": "cp_plans", "config_chart": "no"})  # fmt: skip
    section.refresh_from_db()
    assert section.config == {"indicators": "cp_plans", "chart": "no"}
    response = client.post(edit, {"section_type": "nonsense", "title": "X"})
    assert "Select a valid choice" in response.content.decode()


def test_the_template_is_renamed_and_every_section_set_to_flow(
    board, manager, client_for, template
):
    client = client_for(manager)
    edit = url(board, "template-edit", template_id=template.id)
    client.post(edit, {"name": "Southwark shape", "description": "Three lists per theme",
                       "report_title": "Annual Safeguarding Board Report",
                       "report_subtitle": "Keeping children safe", "layout": "flow"})  # fmt: skip
    template.refresh_from_db()
    assert template.name == "Southwark shape"
    assert template.report_title == "Annual Safeguarding Board Report"
    assert not template.sections.filter(new_page=True).exists()
    services.template_copy_builtin(board=board, key="annual-review", name="Taken")
    response = client.post(edit, {"name": "Taken"})
    assert "already has a template with this name" in response.content.decode()
    response = client.post(edit, {"name": "", "layout": "sideways"})
    page = response.content.decode()
    assert "Enter the name of the template" in page and "Choose the pages from the list" in page


def test_a_copy_is_named_by_the_manager_never_silently_the_builtins(board, manager, client_for):
    client = client_for(manager)
    copy = url(board, "template-copy-builtin", key="short-review")
    response = client.post(copy, {"name": ""})
    assert "Enter the name of your template" in response.content.decode()
    assert not ReportTemplate.objects.filter(board=board).exists()
    client.post(copy, {"name": "Our short report", "description": "For our board"})
    made = ReportTemplate.objects.get(board=board)
    assert (made.name, made.description) == ("Our short report", "For our board")
    response = client.post(copy, {"name": "Our short report"})
    assert "already has a template with this name" in response.content.decode()


def test_a_template_goes_to_a_file_and_comes_back_the_same(
    board, other_board, manager, client_for, template
):
    services.template_update(template=template, name="Ours", report_title="Annual Report",
                             layout="flow")  # fmt: skip
    services.section_add(owner=template, section_type="dataset", title="Figures",
                         config={"indicators": "cp_plans", "chart": False}, position=1)  # fmt: skip
    response = client_for(manager).get(url(board, "template-export", template_id=template.id))
    assert response["Content-Disposition"] == 'attachment; filename="ours.json"'
    content = response.content
    assert json.loads(content)["version"] == template_files.VERSION
    copy = services.template_import(board=other_board, content=content)
    assert template_files.template_data(copy) == template_files.template_data(template)
    assert copy.board == other_board and copy.report_title == "Annual Report"


def upload(data, name="template.json") -> SimpleUploadedFile:
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


GOOD = {"format": "lscb-report-template", "version": 1, "name": "Shared",
        "sections": [{"type": "narrative", "title": "Introduction"}]}  # fmt: skip


@pytest.mark.parametrize(
    "sections, errors",
    [
        ([{"type": "horoscope", "title": "Stars"}],
         ["Section 1 (“Stars”) is of a type this service does not know: “horoscope”"]),
        ([{"type": "narrative", "title": "A"},
          {"type": "dataset", "title": "Figures", "config": {"colour": "red"}}],
         ["Section 2 (“Figures”): a “Dataset tables and charts” section has no setting "
          "“colour” (its settings: indicators, chart)"]),
        ([{"type": "dataset", "title": "F", "config": {"chart": [1]}, "new_page": "yes"}],
         ["Section 1 (“F”): the setting “chart” must be text, a number or yes/no",
          "Section 1 (“F”): “new_page” must be true or false"]),
        ([{"type": "narrative", "title": ""}], ["Section 1 must have a title"]),
        ([], ["The template must have at least one section"]),
    ],
)  # fmt: skip
def test_a_bad_template_file_is_refused_naming_each_problem(
    board, manager, client_for, sections, errors
):
    response = client_for(manager).post(
        url(board, "template-import"), {"file": upload({**GOOD, "sections": sections})}
    )
    summary = response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    for error in errors:
        assert error in summary
    assert not ReportTemplate.objects.filter(board=board).exists()


@pytest.mark.parametrize(
    "file, error",
    [
        (upload(b"not json"), "not a report template"),
        (upload({**GOOD, "format": "something-else"}), "not a report template"),
        (upload({**GOOD, "version": 2}), "a template of version 2; this service reads version 1"),
        (upload(GOOD, name="template.xlsx"), "must be a template file (.json)"),
        (upload(b""), "The selected template file is empty"),
    ],
)
def test_a_file_that_is_not_a_template_is_refused(board, manager, client_for, file, error):
    response = client_for(manager).post(url(board, "template-import"), {"file": file})
    assert error in response.content.decode()
    assert not ReportTemplate.objects.filter(board=board).exists()


def test_a_template_file_over_the_size_limit_is_refused_before_it_is_read(
    board, manager, client_for, settings
):
    settings.UPLOAD_MAX_BYTES = {**settings.UPLOAD_MAX_BYTES, "template": 100}
    big = {**GOOD, "description": "x" * 200}
    response = client_for(manager).post(url(board, "template-import"), {"file": upload(big)})
    assert "must be smaller than" in response.content.decode()


def test_an_imported_template_is_named_and_a_taken_name_refused(board, manager, client_for):
    client = client_for(manager)
    client.post(url(board, "template-import"), {"file": upload(GOOD)})
    response = client.post(url(board, "template-import"), {"file": upload(GOOD)})
    assert "already has a template with this name" in response.content.decode()
    client.post(url(board, "template-import"), {"file": upload(GOOD), "name": "Shared again"})
    assert set(ReportTemplate.objects.values_list("name", flat=True)) == {"Shared", "Shared again"}


def test_the_reports_title_comes_from_the_template_and_prints_on_cover_and_contents(
    board, manager, client_for, template
):
    services.template_update(template=template, name="Ours",
                             report_title="Annual Safeguarding Board Report",
                             report_subtitle="2014 to 2015")  # fmt: skip
    report = services.report_create(board=board, year=FinancialYear(2014), template=template)
    assert (report.title, report.subtitle) == ("Annual Safeguarding Board Report", "2014 to 2015")
    client = client_for(manager)
    new = {"title": "Our Annual Report", "subtitle": "Working together"}
    response = client.post(url(board, "report-title", year="2014-15"), new)
    assert response.status_code == 302
    report.refresh_from_db()
    html = render_html(report, gather_all(report))
    assert '<p class="cover-subtitle">Working together</p>' in html
    assert 'class="contents-report-title">Our Annual Report' in html
    response = client.post(url(board, "report-title", year="2014-15"), {"title": ""})
    assert "Enter the title" in response.content.decode()


def test_a_flowing_section_has_no_page_break_and_the_others_keep_theirs(board):
    report = report_for(board)
    intro = report.sections.get(title="Introduction from the independent chair")
    services.section_update(section=intro, new_page=False)
    html = render_html(report, gather_all(report))
    assert html.count("report-section--flow") == 1
    assert "report-section--narrative report-section--flow" in html


def test_the_write_page_says_only_what_applies_to_the_sections_type(board, manager, client_for):
    report = report_for(board)
    client = client_for(manager)
    intro = report.sections.get(section_type="narrative")
    page = client.get(url(board, "section-write", section_id=intro.id)).content.decode()
    assert "for a list item" in page and "upload it to the report" in page
    # A type with a format of its own (the strengths lists) gets only its own rule.
    section = report.sections.get(section_type="strengths")
    page = client.get(url(board, "section-write", section_id=section.id)).content.decode()
    assert "for a list item" not in page and "upload it to the report" not in page
    assert "before each area for development" in page.replace("&#x27;", "'")


def test_an_approved_reports_title_is_locked(board, manager, client_for):
    from reports.models import ReportState

    report = report_for(board)
    report.state = ReportState.APPROVED
    report.save()
    client = client_for(manager)
    response = client.post(url(board, "report-title", year="2014-15"), {"title": "Changed"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title != "Changed"
    with pytest.raises(PermissionDenied):
        services.report_titles_set(report=report, title="Changed")
