"""A board manager builds a report in the Southwark shape in the browser (issue 21's
Done-when): a copy of the built-in short template, named, grown to ten sections by adding
each where it goes (no "Move up" chains) and one dragged into place, every section set to
flow, the reports' title set; then the year's report, two themes written in a strengths
section, the board's glossary, and a PDF of at most six pages. Every change costs at most
one page load of the template's page (navigations are counted)."""

from contextlib import contextmanager

import pytest
from pypdf import PdfReader

from reports.models import Acronym, ReportTemplate
from tests.reports.test_worker import worker  # noqa: F401 - a real Celery worker
from tests.test_celery import needs_redis

pytestmark = pytest.mark.browser
STRENGTHS = "Strengths and areas for development"
INTRO = "Introduction from the independent chair"
THEMES = """## Early help
+ Partners share one front door for every referral
- Referrals from schools are uneven across the borough
* Train every school's designated safeguarding lead
## Child protection
+ Child protection conferences are held on time
- Too many plans last longer than two years
* Audit every plan open for more than eighteen months
"""
GLOSSARY = {"MASH": "Multi-Agency Safeguarding Hub", "LADO": "Local Authority Designated Officer",
            "CSE": "Child sexual exploitation"}  # fmt: skip


class Navigations:
    """The page's main-frame navigations (a form's POST and its redirect are one)."""

    def __init__(self, page) -> None:
        self.page, self.urls = page, []
        page.on("framenavigated", self._seen)

    def _seen(self, frame) -> None:
        if frame == self.page.main_frame:
            self.urls.append(frame.url)

    @contextmanager
    def change(self, loads: int = 1):
        """A change made with `loads` page loads at most: one for a change on the
        template's page, two for one made on a page of its own (edit, remove)."""
        before = len(self.urls)
        with self.page.expect_navigation():
            yield
        self.page.wait_for_load_state("load")
        made = self.urls[before:]
        assert 1 <= len(made) <= loads, made


def add_section(page, navigations, section_type: str, title: str, after: str | None) -> None:
    form = page.locator("form", has=page.get_by_role("button", name="Add section"))
    form.get_by_label("Type of section").select_option(section_type)
    form.get_by_label("Title").fill(title)
    if after:
        form.get_by_label("Position").select_option(label=f"After “{after}”")
    form.get_by_label("Flow on after the previous section").check()
    with navigations.change():
        form.get_by_role("button", name="Add section").click()
    assert f"Section “{title}” added." in page.locator(".govuk-notification-banner").inner_text()


def section_titles(page) -> list[str]:
    cells = page.locator("#sections tbody tr td:first-child")
    return [cell.inner_text().replace("\u2630", "").strip() for cell in cells.all()]


@needs_redis
def test_the_manager_builds_a_southwark_shaped_report_that_flows_onto_few_pages(
    page,
    sign_in,
    board,
    manager,
    worker,  # noqa: F811
):
    sign_in(manager)
    navigations = Navigations(page)
    base = f"/boards/{board.slug}/reports/"
    page.goto(base + "templates/")
    with navigations.change():
        page.get_by_role(
            "link", name="Copy Strengths, areas for development and work programme"
        ).click()
    page.get_by_label("Name of your template").fill("Southwark shape")
    page.get_by_label("Description (optional)").fill(
        "Strengths, areas for development and work programme per theme."
    )
    with navigations.change():
        page.get_by_role("button", name="Copy template").click()
    template = ReportTemplate.objects.get(board=board)
    assert template.description.startswith("Strengths, areas for development and work")

    # Each section added where it goes: the middle, or after one added a moment ago.
    add_section(page, navigations, "narrative", "National developments", after=INTRO)
    add_section(page, navigations, "strengths", "Children in care", after=STRENGTHS)
    add_section(page, navigations, "strengths", "Early help", after=STRENGTHS)
    add_section(page, navigations, "strengths", "Child protection", after="Early help")
    add_section(page, navigations, "narrative", "Learning from reviews", after="Children in care")
    # At the end, then dragged above the glossary (one page load for the drop).
    add_section(page, navigations, "business_plan", "Outline work plan", after=None)
    handle = page.locator("tr", has_text="Outline work plan").locator("[data-drag-handle]")
    with navigations.change():
        handle.drag_to(page.locator("tr", has_text="Glossary"), target_position={"x": 20, "y": 3})
    assert section_titles(page)[-2:] == ["Outline work plan", "Glossary"]

    # The calendar section becomes governance: its type and title on its edit page.
    with navigations.change(loads=2):
        page.get_by_role("link", name="Edit Work programme and meeting calendar").click()
        page.get_by_label("Type of section").select_option("membership")
        page.get_by_label("Title").fill("Governance")
        with page.expect_navigation():
            page.get_by_role("button", name="Save section").click()
    for title in ("Key figures", "Priorities for next year"):
        with navigations.change(loads=2):
            page.get_by_role("link", name=f"Remove {title}").click()
            with page.expect_navigation():
                page.get_by_role("button", name="Remove section").click()

    # Every section flows after the previous one; the reports' title is the board's own.
    with navigations.change(loads=2):
        page.get_by_role("link", name="Change the name, titles or pages").click()
        page.get_by_label("Title of its reports", exact=True).fill(
            "Annual Safeguarding Board Report"
        )
        page.get_by_label("Every section flows on after the previous one").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Save the template").click()
    assert section_titles(page) == [
        "Contents", INTRO, "National developments", STRENGTHS, "Early help",
        "Child protection", "Children in care", "Learning from reviews", "Governance",
        "Outline work plan", "Glossary",
    ]  # fmt: skip
    assert not template.sections.filter(new_page=True).exists()

    page.goto(base + "new/")
    page.get_by_label("Financial year").fill("2014-15")
    page.get_by_label("Template").select_option(label="Southwark shape")
    page.get_by_role("button", name="Create report").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Annual Safeguarding Board Report"
    page.get_by_role("link", name=f"Write {STRENGTHS}").click()
    page.get_by_label("Text").fill(THEMES)
    page.get_by_role("button", name="Save text").click()
    page.goto(base + "2014-15/")
    page.get_by_role("link", name="Write National developments").click()
    page.get_by_label("Text").fill("Working Together 2015 was published in March.")
    page.get_by_role("button", name="Save text").click()

    for term, meaning in GLOSSARY.items():
        Acronym.objects.create(board=board, term=term, meaning=meaning)

    page.goto(base + "2014-15/")
    page.get_by_role("button", name="Make the PDF").click()
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=90_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    reader = PdfReader(download.value.path())
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) <= 6, f"{len(reader.pages)} pages"
    assert "Annual Safeguarding Board Report" in text
    for words in ("Partners share one front door", "Referrals from schools are uneven",
                  "conferences are held on time", "plans last longer than two years",
                  "Working Together 2015"):  # fmt: skip
        assert words in text
    for term, meaning in GLOSSARY.items():
        assert term in text and meaning in text
    # '* ' lines are each theme's third list (the work programme).
    assert "Work programme" in text
    assert "Train every school's designated safeguarding lead" in text
    assert "Audit every plan open for more than eighteen months" in text
