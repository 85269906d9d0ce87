"""Correcting and removing a review's appointments, panel members, lessons and
dissemination records, and the paged register."""

from datetime import date

import pytest

from reviews.case_reviews.models import Appointment, Dissemination, Lesson, PanelMember, Theme
from reviews.case_reviews.services.learning import dissemination_add, lesson_add
from reviews.case_reviews.services.reviews import (
    appointment_add,
    panel_member_add,
)
from tests.forms import date_parts

from .factories import agency, initiated_review

ROOT = "/boards/{slug}/reviews/case-reviews/"

APPOINTMENT = {
    "role": "reviewer",
    "name": "Jane Author",
    "affiliation": "Independent consultant",
    "declared_independent": True,
    "declaration_on": date(2014, 4, 1),
}
APPOINTMENT_FORM = {
    "role": "reviewer",
    "name": "Jane Author",
    "affiliation": "Independent consultant",
    "declared_independent": "on",
    **date_parts("declaration_on", "1/4/2014"),
}


def review_url(review) -> str:
    return ROOT.format(slug=review.board.slug) + f"{review.pk}/"


def make_appointment(board):
    review = initiated_review(board)
    appointment = appointment_add(review=review, **APPOINTMENT)
    return appointment, review_url(review) + f"appointments/{appointment.pk}/"


def make_panel_member(board):
    review = initiated_review(board)
    member = panel_member_add(review=review, name="Pat Panel", agency=agency(board))
    return member, review_url(review) + f"panel/{member.pk}/"


def make_lesson(board):
    review = initiated_review(board)
    theme = Theme.objects.filter(board=board).first()
    lesson = lesson_add(review=review, text="Share information sooner", themes=[theme])
    return lesson, review_url(review) + f"lessons/{lesson.pk}/"


def make_dissemination(board):
    record = dissemination_add(
        board=board,
        kind="briefing",
        title="Learning briefing",
        held_on=date(2015, 1, 20),
        reviews=[initiated_review(board)],
    )
    return record, ROOT.format(slug=board.slug) + f"dissemination/{record.pk}/"


MAKERS = {
    "appointment": (make_appointment, Appointment),
    "panel member": (make_panel_member, PanelMember),
    "lesson": (make_lesson, Lesson),
    "dissemination": (make_dissemination, Dissemination),
}


# Editing saves the change.


def test_an_appointment_is_corrected(board, scr_member, client_for):
    appointment, url = make_appointment(board)
    data = {**APPOINTMENT_FORM, "name": "Jane Writer", "references_taken_up": "on"}
    response = client_for(scr_member).post(url, data)
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.name == "Jane Writer" and appointment.references_taken_up


def test_a_panel_member_is_corrected(board, manager, client_for):
    member, url = make_panel_member(board)
    health = agency(board, "Testshire Health")
    data = {"name": "Pat Panellist", "agency": str(health.pk), "post_title": "Named nurse"}
    assert client_for(manager).post(url, data).status_code == 302
    member.refresh_from_db()
    assert (member.name, member.agency, member.post_title) == (
        "Pat Panellist",
        health,
        "Named nurse",
    )


def test_a_lesson_is_corrected(board, scr_member, client_for):
    lesson, url = make_lesson(board)
    other = Theme.objects.filter(board=board).exclude(lessons=lesson).first()
    data = {"text": "Share information within a day", "themes": [str(other.pk)]}
    assert client_for(scr_member).post(url, data).status_code == 302
    lesson.refresh_from_db()
    assert lesson.text == "Share information within a day"
    assert list(lesson.themes.all()) == [other]


def test_a_lesson_keeps_a_retired_theme_on_offer(board, scr_member, client_for):
    lesson, url = make_lesson(board)
    theme = lesson.themes.get()
    Theme.objects.filter(pk=theme.pk).update(is_active=False)
    data = {"text": "Corrected text", "themes": [str(theme.pk)]}
    assert client_for(scr_member).post(url, data).status_code == 302
    assert list(Lesson.objects.get(pk=lesson.pk).themes.all()) == [theme]


def test_a_dissemination_is_corrected(board, manager, client_for):
    record, url = make_dissemination(board)
    second = initiated_review(board, reference="Child P")
    reviews = [str(review.pk) for review in record.reviews.all()] + [str(second.pk)]
    data = {
        "kind": "training",
        "title": "Learning event",
        **date_parts("held_on", "3/2/2015"),
        "reached": "40",
        "reviews": reviews,
    }
    assert client_for(manager).post(url, data).status_code == 302
    record.refresh_from_db()
    assert (record.kind, record.title, record.reached) == ("training", "Learning event", 40)
    assert record.held_on == date(2015, 2, 3) and record.reviews.count() == 2


# Bad input shows an error and changes nothing.


def test_an_edited_appointment_from_an_agency_involved_is_refused(board, scr_member, client_for):
    police = agency(board)
    review = initiated_review(board, agencies=[police])
    appointment = appointment_add(review=review, **APPOINTMENT)
    url = review_url(review) + f"appointments/{appointment.pk}/"
    data = {**APPOINTMENT_FORM, "name": "Changed", "employing_agency": str(police.pk)}
    response = client_for(scr_member).post(url, data)
    assert response.status_code == 200
    assert "is involved in this case" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.name == "Jane Author" and appointment.employing_agency is None


def test_an_edited_appointment_without_a_declaration_is_refused(board, scr_member, client_for):
    appointment, url = make_appointment(board)
    data = {**APPOINTMENT_FORM, "name": "Changed"}
    del data["declared_independent"]
    response = client_for(scr_member).post(url, data)
    assert "declaration of independence" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.name == "Jane Author" and appointment.declared_independent


@pytest.mark.parametrize("kind", ["appointment", "panel member"])
def test_another_boards_agency_is_refused(kind, board, other_board, scr_member, client_for):
    record, url = MAKERS[kind][0](board)
    elsewhere = agency(other_board, "Elsewhere Police")
    if kind == "appointment":
        data = {**APPOINTMENT_FORM, "name": "Changed", "employing_agency": str(elsewhere.pk)}
    else:
        data = {"name": "Changed", "agency": str(elsewhere.pk)}
    response = client_for(scr_member).post(url, data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    record.refresh_from_db()
    assert record.name != "Changed"


def test_a_lesson_without_text_or_themes_is_refused(board, scr_member, client_for):
    lesson, url = make_lesson(board)
    client = client_for(scr_member)
    response = client.post(url, {"text": "", "themes": [str(lesson.themes.get().pk)]})
    assert "govuk-error-summary" in response.content.decode()
    response = client.post(url, {"text": "Changed"})
    assert "Choose at least one theme" in response.content.decode()
    lesson.refresh_from_db()
    assert lesson.text == "Share information sooner" and lesson.themes.count() == 1


def test_a_dissemination_without_reviews_or_with_a_bad_date_is_refused(
    board, other_board, manager, client_for
):
    record, url = make_dissemination(board)
    data = {
        "kind": "briefing",
        "title": "Changed",
        **date_parts("held_on", "3/2/2015"),
        "reviews": [],
    }
    client = client_for(manager)
    assert "Choose the reviews" in client.post(url, data).content.decode()
    elsewhere = initiated_review(other_board)
    response = client.post(url, {**data, "reviews": [str(elsewhere.pk)]})
    assert "govuk-error-summary" in response.content.decode()
    response = client.post(url, {**data, **date_parts("held_on", "31/2/2015"), "reviews": []})
    assert "govuk-error-summary" in response.content.decode()
    record.refresh_from_db()
    assert record.title == "Learning briefing" and list(record.reviews.all()) != [elsewhere]


# Deleting: only after a POST; the confirmation page says what goes with it.


@pytest.mark.parametrize("kind", list(MAKERS))
def test_a_record_is_removed_only_after_the_confirmation(kind, board, scr_member, client_for):
    make, model = MAKERS[kind]
    record, url = make(board)
    client = client_for(scr_member)
    page = client.get(url + "delete/")
    assert page.status_code == 200
    assert "Are you sure" in page.content.decode()
    assert model.objects.filter(pk=record.pk).exists()
    assert client.post(url + "delete/").status_code == 302
    assert not model.objects.filter(pk=record.pk).exists()


def test_removing_a_dissemination_keeps_its_reviews(board, scr_member, client_for):
    record, url = make_dissemination(board)
    review = record.reviews.get()
    page = client_for(scr_member).get(url + "delete/").content.decode()
    assert "reviews whose learning it shared are kept" in page
    client_for(scr_member).post(url + "delete/")
    review.refresh_from_db()  # still there


# Who may: another board's manager gets 404, a role without write access 403.


@pytest.mark.parametrize("kind", list(MAKERS))
@pytest.mark.parametrize("suffix", ["", "delete/"])
def test_another_board_and_a_reader_are_refused(
    kind, suffix, board, other_board, other_board_manager, chair, viewer, client_for
):
    make, model = MAKERS[kind]
    record, url = make(board)
    elsewhere = url.replace(f"/boards/{board.slug}/", f"/boards/{other_board.slug}/")
    assert client_for(other_board_manager).get(elsewhere + suffix).status_code == 404
    assert client_for(other_board_manager).post(elsewhere + suffix).status_code == 404
    assert client_for(chair).get(url + suffix).status_code == 403
    assert client_for(viewer).post(url + suffix).status_code == 403
    assert model.objects.filter(pk=record.pk).exists()


def test_a_record_of_another_review_is_not_found(board, scr_member, client_for):
    appointment, url = make_appointment(board)
    other = initiated_review(board, reference="Child P")
    wrong = url.replace(str(appointment.review_id), str(other.pk))
    assert client_for(scr_member).get(wrong).status_code == 404
    assert client_for(scr_member).post(wrong + "delete/").status_code == 404
    assert Appointment.objects.filter(pk=appointment.pk).exists()


def test_the_detail_page_links_to_each_correction(board, scr_member, client_for):
    appointment, _ = make_appointment(board)
    page = client_for(scr_member).get(review_url(appointment.review)).content.decode()
    assert f"appointments/{appointment.pk}/delete/" in page
    assert 'Change<span class="govuk-visually-hidden"> the appointment of Jane Author' in page


# The register pages.


def test_the_register_pages_at_25_with_a_constant_query_count(
    board, scr_member, client_for, django_assert_max_num_queries
):
    client = client_for(scr_member)
    url = ROOT.format(slug=board.slug)
    initiated_review(board, reference="Child 0")
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    for n in range(1, 26):
        initiated_review(board, reference=f"Child {n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        first = client.get(url).content.decode()
    with django_assert_max_num_queries(len(small.captured_queries)):
        second = client.get(url + "?page=2").content.decode()
    assert 'aria-label="Page 2"' in first and 'rel="prev"' in second
    shown = sum(f">Child {n}</a>" in first for n in range(26))
    assert shown == 25 and sum(f">Child {n}</a>" in second for n in range(26)) == 1


def test_a_dissemination_with_no_count_of_people_reached_says_not_recorded(
    board, manager, client_for
):
    """The one mark of core.numbers for a figure that is not there, not a lone dash."""
    make_dissemination(board)
    html = client_for(manager).get(ROOT.format(slug=board.slug) + "dissemination/")
    text = html.content.decode()
    assert ">Not recorded</td>" in text and ">–</td>" not in text
