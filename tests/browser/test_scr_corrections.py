"""An SCR sub-group member corrects a mistyped panel member, then removes a wrong
appointment through the confirmation page."""

from datetime import date

import pytest
from playwright.sync_api import expect

from reviews.case_reviews.services.reviews import appointment_add, panel_member_add
from tests.reviews.case_reviews.factories import agency, initiated_review

pytestmark = pytest.mark.browser


def test_a_panel_member_is_corrected_and_an_appointment_removed(page, sign_in, board, scr_member):
    review = initiated_review(board)
    panel_member_add(review=review, name="Pat Panle", agency=agency(board))
    appointment_add(
        review=review,
        role="reviewer",
        name="Jane Author",
        affiliation="Independent consultant",
        declared_independent=True,
        declaration_on=date(2014, 4, 1),
    )
    sign_in(scr_member)
    page.goto(f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/")

    page.get_by_role("link", name="Change panel member Pat Panle").click()
    page.get_by_label("Name").fill("Pat Panel")
    page.get_by_role("button", name="Save the panel member").click()
    expect(page.get_by_text("Panel member saved")).to_be_visible()
    expect(page.get_by_text("Pat Panel, Testshire Police (panel member)")).to_be_visible()

    page.get_by_role("link", name="Remove the appointment of Jane Author").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("delete this appointment")
    page.get_by_role("button", name="Yes, delete this appointment").click()
    expect(page.get_by_text("Appointment deleted")).to_be_visible()
    expect(page.get_by_text("Independent consultant")).to_have_count(0)
