from datetime import date, timedelta

from reports.rendering import render_pdf
from tests.reviews.child_deaths.factories import notify, review

from .factories import pdf_pages, report_for


def test_child_death_counts_below_the_threshold_are_suppressed_in_the_pdf(board):
    # Six reviews in 2014/15: five expected, one unexpected (below the threshold).
    for index in range(6):
        died = date(2014, 5, 1) + timedelta(days=index * 7)
        expectation = "unexpected" if index == 0 else "expected"
        case = notify(board, date_of_birth=died - timedelta(days=400), date_of_death=died,
                      expectation=expectation)  # fmt: skip
        review(case, panel_review_on=date(2015, 2, 1))
    report = report_for(board, template_key="annual-review")
    text = "\n".join(pdf_pages(render_pdf(report)[0]))
    assert "completed 6 reviews" in text
    assert re.search(r"Unexpected fewer than \d", text)
    # A withheld count's percentage is withheld too, not "Not recorded".
    assert re.search(r"Unexpected fewer than \d+ not shown", text)
    assert not re.search(r"Unexpected 1\b", text)


import re  # noqa: E402
