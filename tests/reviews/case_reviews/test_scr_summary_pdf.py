"""The executive summary PDF carries the summary, the full action plan with each action's
status, and the panel members' names (read back from the PDF)."""

from datetime import date
from io import BytesIO

from pypdf import PdfReader

from board.models import Action
from board.services.actions import action_add_update
from reviews.case_reviews.services.actions import recommendation_create
from reviews.case_reviews.services.reviews import (
    appointment_add,
    case_review_update,
    panel_member_add,
)

from .factories import agency, initiated_review


def pdf_text(content: bytes) -> str:
    reader = PdfReader(BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_summary_pdf_has_the_text_the_action_plan_and_the_panel(board, scr_member, client_for):
    police, health = agency(board), agency(board, "Testshire Health")
    review = initiated_review(board, agencies=[police])
    case_review_update(review=review, executive_summary="Missing children were at risk.")
    for text, owner, due in [
        ("Strengthen the missing panel", police, date(2015, 3, 31)),
        ("Train health visitors", health, date(2015, 6, 30)),
    ]:
        recommendation_create(
            review=review,
            text=text,
            scope="single",
            owner_agency=owner,
            due_date=due,
            created_by=scr_member,
        )
    action = Action.objects.get(description="Train health visitors")
    action_add_update(
        action=action, author=scr_member, text="Done", status="complete", evidence="Register"
    )
    panel_member_add(review=review, name="Pat Nurse", agency=health, post_title="Designated Nurse")
    appointment_add(
        review=review,
        role="reviewer",
        name="Jane Author",
        affiliation="Independent",
        declared_independent=True,
        declaration_on=date(2014, 4, 1),
    )
    response = client_for(scr_member).get(
        f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/executive-summary.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Child M: executive summary" in text
    assert "Missing children were at risk." in text
    assert "Strengthen the missing panel" in text and "Not started" in text
    assert "Train health visitors" in text and "Complete" in text
    assert "Testshire Police" in text and "Testshire Health" in text
    assert "Pat Nurse" in text and "Jane Author" in text
