"""The searchable pickers are a select marked for static/js/picker.mjs: without JavaScript
the select is the whole of it, and a choice posted from it is saved; another board's
record is not among its options."""

import re

from django.urls import reverse

from reviews.case_reviews.models import CaseReview
from tests.reviews.case_reviews.factories import review_for
from tests.reviews.child_deaths.factories import notify


def test_the_cdop_case_choice_is_a_select_marked_as_a_picker(
    client_for, board, other_board, scr_member
):
    ours, theirs = notify(board), notify(other_board)
    review = review_for(board)
    kwargs = {"board_slug": board.slug, "review_id": review.pk}
    page = client_for(scr_member).get(reverse("case_reviews:scr-review-edit", kwargs=kwargs))
    select = re.search(r'<select name="cdop_case"[^>]*>.*?</select>', page.content.decode(), re.S)
    assert select and 'data-picker="true"' in select.group(0)
    assert ours.number in select.group(0)
    assert str(theirs.pk) not in select.group(0)


def test_the_indicator_form_marks_its_numerator_and_denominator(client_for, board, manager):
    page = client_for(manager).get(
        reverse("datasets:indicator-create", kwargs={"board_slug": board.slug})
    )
    for name in ("numerator", "denominator"):
        assert re.search(rf'<select name="{name}"[^>]*data-picker="true"', page.content.decode())


def test_a_pickers_page_loads_no_inline_script(client_for, board, manager):
    page = client_for(manager).get(
        reverse("datasets:indicator-create", kwargs={"board_slug": board.slug})
    )
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.content.decode(), re.S)
    assert all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert CaseReview.objects.count() == 0
