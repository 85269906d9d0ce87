"""The demo annual review's audits and training sections show the demo records' figures."""

from io import StringIO

from django.core.management import call_command

from reports.models import AnnualReport
from reports.rendering import gather_section, render_section_html


def test_the_demo_review_shows_its_audits_and_training(db):
    call_command("load_demo", stdout=StringIO())
    report = AnnualReport.objects.get(board__slug="croydon", start_year=2014)
    audits = gather_section(report, report.sections.get(section_type="audits"))
    training = gather_section(report, report.sections.get(section_type="training"))
    assert [row["sample_size"] for row in audits.data["rows"]] == [73, 135, 24]
    assert training.data["total"] == 2819
    html = " ".join(render_section_html(report, audits).split())
    assert '<td>Good</td><td class="num">76</td><td class="num">56.3%</td>' in html
    assert 'Rated</th><td class="num">135 of 135</td>' in html
    html = " ".join(render_section_html(report, training).split())
    assert "with <strong>2,819</strong> attendees recorded" in html
    # They print full pages, so the checks do not call them empty (they once did).
    from reports.checks import find_problems

    empty = {p.section_title for p in find_problems(report) if p.kind == "empty"}
    assert not empty & {"Section 11 self-assessments", "Inspections"}, empty
