"""The strengths section: per theme its paragraphs, then strengths ('+ '), areas for
development ('- ') and an optional third list ('* ', titled by the section's setting),
which can draw the business plan actions of that theme (board.Action.theme) and no
other's."""

import datetime

from django.urls import reverse

from board.models import Action, ActionSource
from reports.rendering import gather_section, render_pdf, render_section_html
from reports.sections import registry
from reports.sections.strengths import parse
from tests.board.factories import ActionFactory

from .factories import pdf_pages, report_for, set_section

TEXT = """Our year in two themes.

## Early help
The early help offer grew across the borough.
It reached more families.

+ Quicker assessments
- Too few health visitors
* Recruit two health visitors

## Neglect
+ A shared tool
- Training reach
"""


def test_the_text_reads_as_themes_with_paragraphs_and_three_lists():
    intro, early, neglect = parse(TEXT)
    assert intro["theme"] == "" and intro["paragraphs"] == ["Our year in two themes."]
    assert early["theme"] == "Early help"
    assert early["paragraphs"] == [
        "The early help offer grew across the borough. It reached more families."
    ]
    assert [s["text"] for s in early["strengths"]] == ["Quicker assessments"]
    assert [a["text"] for a in early["areas"]] == ["Too few health visitors"]
    assert [p["text"] for p in early["programme"]] == ["Recruit two health visitors"]
    assert neglect["programme"] == [] and neglect["paragraphs"] == []


def test_the_write_help_names_the_third_list_and_its_setting():
    section_type = registry.get("strengths")
    assert "'* '" in section_type.narrative_help
    assert {"third_list_title", "work_programme_actions"} <= set(section_type.config_fields)


def strengths_report(board, **config):
    report = report_for(board)
    section = set_section(report, "strengths", narrative=TEXT, config=config)
    return report, section


def shown(report, section) -> str:
    return render_section_html(report, gather_section(report, section))


def test_a_three_list_theme_prints_its_paragraphs_before_its_lists_in_the_pdf(board):
    report, _section = strengths_report(board, third_list_title="What we will do next")
    text = "\n".join(pdf_pages(render_pdf(report)[0]))
    plain = " ".join(text.split())
    assert "Strengths Areas for development What we will do next" in plain
    assert plain.index("It reached more families.") < plain.index("Quicker assessments")
    assert "Recruit two health visitors" in plain
    assert "Our year in two themes." in plain


def test_without_a_title_the_third_list_is_the_work_programme(board):
    report, section = strengths_report(board)
    html = shown(report, section)
    assert '<th scope="col">Work programme</th>' in html


def test_two_lists_only_when_nothing_is_in_a_third(board):
    report = report_for(board)
    section = set_section(report, "strengths", narrative="## Early help\n+ Good\n- Less good")
    html = shown(report, section)
    assert "Work programme" not in html and "strengths three" not in html
    assert "<caption>Early help</caption>" in html


def _actions(board):
    next_year = datetime.date(2015, 9, 30)
    kinds = {"source_type": ActionSource.BUSINESS_PLAN}
    ActionFactory(board=board, description="Early help hub", theme="early  HELP",
                  due_date=next_year, **kinds)  # fmt: skip
    ActionFactory(board=board, description="Neglect toolkit", theme="Neglect",
                  due_date=next_year, **kinds)  # fmt: skip
    ActionFactory(board=board, description="No theme", due_date=next_year, **kinds)
    ActionFactory(board=board, description="This year's", theme="Neglect",
                  due_date=datetime.date(2014, 9, 30), **kinds)  # fmt: skip
    ActionFactory(board=board, description="From a meeting", theme="Neglect", due_date=next_year)


def test_each_theme_draws_only_its_own_business_plan_actions(board):
    _actions(board)
    report, section = strengths_report(board, work_programme_actions="yes")
    data = gather_section(report, section).data
    programme = {t["theme"]: [p["text"] for p in t["programme"]] for t in data["themes"]}
    assert programme == {
        "": [],
        "Early help": ["Recruit two health visitors", "Early help hub"],
        "Neglect": ["Neglect toolkit"],
    }
    html = shown(report, section)
    assert "Early help hub (by September 2015)" in html


def test_the_actions_are_drawn_only_when_the_setting_is_on(board):
    _actions(board)
    report, section = strengths_report(board)
    html = shown(report, section)
    assert "Early help hub" not in html and "Neglect toolkit" not in html


def test_the_action_form_sets_an_actions_report_theme(board, manager, client_for):
    action = ActionFactory(board=board, source_type=ActionSource.BUSINESS_PLAN, created_by=manager)
    edit = reverse("action-edit", kwargs={"board_slug": board.slug, "pk": action.pk})
    page = client_for(manager).get(edit).content.decode()
    assert "Theme in the annual report" in page
    data = {"description": action.description, "owner_agency": action.owner_agency_id,
            "owner_person": "", "due_date_0": "30", "due_date_1": "9", "due_date_2": "2015",
            "theme": " Early help "}  # fmt: skip
    response = client_for(manager).post(edit, data)
    page = response.content.decode()
    assert response.status_code == 302, page[page.find("govuk-error-summary") :][:1500]
    assert Action.objects.get(pk=action.pk).theme == "Early help"
