from reports.rendering import gather_all, html_to_pdf, render_html

from .factories import acronyms, business_plan_actions, report_for


def test_a_report_renders_to_pdf(board):
    acronyms(board)
    business_plan_actions(board)
    report = report_for(board, template_key="annual-review", Foreword="Hello **world**")
    html = render_html(report, gather_all(report))
    pdf, pages = html_to_pdf(html)
    open("/tmp/smoke.pdf", "wb").write(pdf)
    open("/tmp/smoke.html", "w").write(html)
    assert pages > 3
