"""Case reviews: SCR sub-group members and the board manager manage them; the independent
chair reads everything; every board role sees the register and published summaries.
Confidential documents (and an unpublished executive summary) answer 403 to the others,
from inside the view (which logs the refusal)."""

from datetime import date

from board.models import ALL_ROLES, Role
from tests.reviews.case_reviews.factories import agency, initiated_review

from . import Rule, board_page

MANAGE = [Role.SCR_MEMBER, Role.BOARD_MANAGER]
CONFIDENTIAL = [*MANAGE, Role.INDEPENDENT_CHAIR]


def page(roles, kwargs) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=kwargs)


def with_review(context) -> dict:
    return {"board_slug": context.board.slug, "review_id": initiated_review(context.board).pk}


def with_milestone(context) -> dict:
    from reviews.case_reviews.services.reviews import milestone_add

    review = initiated_review(context.board)
    milestone = milestone_add(review=review, kind="draft_report", planned_on=date(2014, 6, 1))
    return {"board_slug": context.board.slug, "review_id": review.pk, "milestone_id": milestone.pk}


def _recommendation(context):
    from reviews.case_reviews.services.actions import recommendation_create
    from tests.factories import UserFactory

    review = initiated_review(context.board)
    return recommendation_create(
        review=review,
        text="Do better",
        scope="single",
        owner_agency=agency(context.board),
        due_date=date(2015, 3, 31),
        created_by=UserFactory(),
    )


def with_recommendation(context) -> dict:
    rec = _recommendation(context)
    return {
        "board_slug": context.board.slug,
        "review_id": rec.review_id,
        "recommendation_id": rec.pk,
    }


def with_action(context) -> dict:
    from board.models import Action

    action = Action.objects.for_source(_recommendation(context)).get()
    return {"board_slug": context.board.slug, "action_id": action.pk}


def with_agency(context) -> dict:
    return {"board_slug": context.board.slug, "agency_id": agency(context.board).pk}


def with_document(context) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from board.files import check_upload
    from reviews.case_reviews.services.learning import document_upload
    from tests.factories import UserFactory

    review = initiated_review(context.board)
    upload = check_upload(SimpleUploadedFile("report.pdf", b"%PDF-1.4 report"))
    document = document_upload(
        review=review,
        kind="full_report",
        title="Overview report",
        upload=upload,
        uploaded_by=UserFactory(),
    )
    return {"board_slug": context.board.slug, "review_id": review.pk, "document_id": document.pk}


def with_appointment(context) -> dict:
    from reviews.case_reviews.services.reviews import appointment_add

    review = initiated_review(context.board)
    appointment = appointment_add(
        review=review,
        role="reviewer",
        name="Jane Author",
        affiliation="Independent consultant",
        declared_independent=True,
        declaration_on=date(2014, 4, 1),
    )
    return {
        "board_slug": context.board.slug,
        "review_id": review.pk,
        "appointment_id": appointment.pk,
    }


def with_panel_member(context) -> dict:
    from reviews.case_reviews.services.reviews import panel_member_add

    review = initiated_review(context.board)
    member = panel_member_add(review=review, name="Pat Panel", agency=agency(context.board))
    return {"board_slug": context.board.slug, "review_id": review.pk, "member_id": member.pk}


def with_lesson(context) -> dict:
    from reviews.case_reviews.models import Theme
    from reviews.case_reviews.services.learning import lesson_add

    review = initiated_review(context.board)
    theme = Theme.objects.filter(board=context.board).first()
    lesson = lesson_add(review=review, text="Share information sooner", themes=[theme])
    return {"board_slug": context.board.slug, "review_id": review.pk, "lesson_id": lesson.pk}


def with_dissemination(context) -> dict:
    from reviews.case_reviews.services.learning import dissemination_add

    record = dissemination_add(
        board=context.board,
        kind="briefing",
        title="Learning briefing",
        held_on=date(2015, 1, 20),
        reviews=[initiated_review(context.board)],
    )
    return {"board_slug": context.board.slug, "dissemination_id": record.pk}


ENTRIES = {
    "case_reviews:scr-register": board_page(ALL_ROLES),
    "case_reviews:scr-published": board_page(ALL_ROLES),
    "case_reviews:scr-review-create": board_page(MANAGE),
    "case_reviews:scr-settings": board_page(MANAGE),
    "case_reviews:scr-dashboard": board_page(CONFIDENTIAL),
    "case_reviews:scr-action-plans": board_page(CONFIDENTIAL),
    "case_reviews:scr-action-plan": page(CONFIDENTIAL, with_agency),
    "case_reviews:scr-action-progress": page(MANAGE, with_action),
    "case_reviews:scr-action-sign-off": page([Role.SCR_MEMBER], with_action),
    "case_reviews:scr-themes": board_page(CONFIDENTIAL),
    "case_reviews:scr-themes-edit": board_page(MANAGE),
    "case_reviews:scr-disseminations": board_page(CONFIDENTIAL),
    "case_reviews:scr-dissemination-add": board_page(MANAGE),
    "case_reviews:scr-review-detail": page(CONFIDENTIAL, with_review),
    "case_reviews:scr-review-edit": page(MANAGE, with_review),
    "case_reviews:scr-review-decision": page(MANAGE, with_review),
    "case_reviews:scr-appointment-add": page(MANAGE, with_review),
    "case_reviews:scr-panel-member-add": page(MANAGE, with_review),
    "case_reviews:scr-milestone-add": page(MANAGE, with_review),
    "case_reviews:scr-milestone-edit": page(MANAGE, with_milestone),
    "case_reviews:scr-recommendation-create": page(MANAGE, with_review),
    "case_reviews:scr-action-add": page(MANAGE, with_recommendation),
    "case_reviews:scr-lesson-add": page(MANAGE, with_review),
    "case_reviews:scr-document-upload": page(MANAGE, with_review),
    "case_reviews:scr-document-download": page(CONFIDENTIAL, with_document),
    "case_reviews:scr-summary-pdf": page(CONFIDENTIAL, with_review),
    "case_reviews:scr-appointment-edit": page(MANAGE, with_appointment),
    "case_reviews:scr-appointment-delete": page(MANAGE, with_appointment),
    "case_reviews:scr-panel-member-edit": page(MANAGE, with_panel_member),
    "case_reviews:scr-panel-member-delete": page(MANAGE, with_panel_member),
    "case_reviews:scr-lesson-edit": page(MANAGE, with_lesson),
    "case_reviews:scr-lesson-delete": page(MANAGE, with_lesson),
    "case_reviews:scr-dissemination-edit": page(MANAGE, with_dissemination),
    "case_reviews:scr-dissemination-delete": page(MANAGE, with_dissemination),
}
