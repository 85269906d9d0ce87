"""Correcting and removing a review's appointments, panel members, lessons and
dissemination records. The same roles as the pages that add them; every record is fetched
through the board (and its review), so another board's record is a 404. Edits go through
the same services as the first entry, so they pass the same checks; deletions are audited
by django-auditlog."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from board.access import board_view
from core.confirm import delete_page
from core.forms import form_page, save_form
from core.links import board_url

from ..forms import reviews as forms
from ..models import Appointment, Dissemination, Lesson, PanelMember
from ..services import learning as scr_learning
from ..services import reviews as services
from .reviews import MANAGE, review_for, review_url


def initial_from(record, form_class) -> dict:
    return {name: getattr(record, name) for name in form_class.base_fields}


def confirm_delete(
    request: HttpRequest, record, *, noun: str, delete, back_url: str, consequence: str = ""
) -> HttpResponse:
    """GET asks; only a POST deletes."""
    if request.method == "POST":
        delete()
        messages.success(request, f"{noun.capitalize()} deleted: {record}")
        return redirect(back_url)
    return delete_page(request, record, noun=noun, back_url=back_url, text=consequence)


def appointment_for(request: HttpRequest, review_id, appointment_id):
    review = review_for(request, review_id)
    appointment = get_object_or_404(
        Appointment, board=request.board, review=review, pk=appointment_id
    )
    return review, appointment


@board_view(*MANAGE)
def appointment_edit(request: HttpRequest, review_id, appointment_id) -> HttpResponse:
    review, appointment = appointment_for(request, review_id, appointment_id)
    form = forms.AppointmentForm(
        request.POST or None,
        initial=initial_from(appointment, forms.AppointmentForm),
        board=request.board,
        submit_label="Save the appointment",
    )
    done = save_form(
        request,
        form,
        lambda data: services.appointment_update(appointment=appointment, **data),
        "Appointment saved",
        review_url(request, review),
    )
    return done or form_page(
        request,
        form,
        f"{review}: {appointment}",
        review_url(request, review),
        lead="They must be independent of the board and of every agency involved in the "
        "case. Someone who works for an agency involved is refused.",
    )


@board_view(*MANAGE)
def appointment_delete(request: HttpRequest, review_id, appointment_id) -> HttpResponse:
    review, appointment = appointment_for(request, review_id, appointment_id)
    return confirm_delete(
        request,
        appointment,
        noun="appointment",
        delete=lambda: services.appointment_delete(appointment=appointment),
        back_url=review_url(request, review),
        consequence=f"{review} will have no {appointment.get_role_display().lower()} "
        "on record until another is appointed.",
    )


def panel_member_for(request: HttpRequest, review_id, member_id):
    review = review_for(request, review_id)
    member = get_object_or_404(PanelMember, board=request.board, review=review, pk=member_id)
    return review, member


@board_view(*MANAGE)
def panel_member_edit(request: HttpRequest, review_id, member_id) -> HttpResponse:
    review, member = panel_member_for(request, review_id, member_id)
    form = forms.PanelMemberForm(
        request.POST or None,
        initial=initial_from(member, forms.PanelMemberForm),
        board=request.board,
        submit_label="Save the panel member",
    )
    done = save_form(
        request,
        form,
        lambda data: services.panel_member_update(member=member, **data),
        "Panel member saved",
        review_url(request, review),
    )
    return done or form_page(request, form, f"{review}: {member}", review_url(request, review))


@board_view(*MANAGE)
def panel_member_delete(request: HttpRequest, review_id, member_id) -> HttpResponse:
    review, member = panel_member_for(request, review_id, member_id)
    return confirm_delete(
        request,
        member,
        noun="panel member",
        delete=lambda: services.panel_member_delete(member=member),
        back_url=review_url(request, review),
    )


def lesson_for(request: HttpRequest, review_id, lesson_id):
    review = review_for(request, review_id)
    lesson = get_object_or_404(Lesson, board=request.board, review=review, pk=lesson_id)
    return review, lesson


@board_view(*MANAGE)
def lesson_edit(request: HttpRequest, review_id, lesson_id) -> HttpResponse:
    review, lesson = lesson_for(request, review_id, lesson_id)
    form = forms.LessonForm(
        request.POST or None,
        initial={"text": lesson.text, "themes": list(lesson.themes.all())},
        board=request.board,
        lesson=lesson,
        submit_label="Save the lesson",
    )

    def write(data):
        scr_learning.lesson_update(lesson=lesson, text=data["text"], themes=list(data["themes"]))

    done = save_form(request, form, write, "Lesson saved", review_url(request, review))
    return done or form_page(
        request, form, f"{review}: correct a lesson", review_url(request, review)
    )


@board_view(*MANAGE)
def lesson_delete(request: HttpRequest, review_id, lesson_id) -> HttpResponse:
    review, lesson = lesson_for(request, review_id, lesson_id)
    return confirm_delete(
        request,
        lesson,
        noun="lesson",
        delete=lambda: scr_learning.lesson_delete(lesson=lesson),
        back_url=review_url(request, review),
        consequence="The lesson no longer counts towards its themes. The themes themselves "
        "stay on the board's list.",
    )


def dissemination_for(request: HttpRequest, dissemination_id) -> Dissemination:
    # A dissemination can share several reviews' learning, so it hangs off the board.
    return get_object_or_404(Dissemination, board=request.board, pk=dissemination_id)


@board_view(*MANAGE)
def dissemination_edit(request: HttpRequest, dissemination_id) -> HttpResponse:
    record = dissemination_for(request, dissemination_id)
    initial = initial_from(record, forms.DisseminationForm)
    initial["reviews"] = list(record.reviews.all())
    form = forms.DisseminationForm(
        request.POST or None,
        initial=initial,
        board=request.board,
        submit_label="Save the dissemination",
    )

    def write(data):
        data["reviews"] = list(data["reviews"])
        scr_learning.dissemination_update(record=record, **data)

    back = board_url(request, "case_reviews:scr-disseminations")
    done = save_form(request, form, write, "Dissemination saved", back)
    return done or form_page(request, form, f"Correct: {record}", back)


@board_view(*MANAGE)
def dissemination_delete(request: HttpRequest, dissemination_id) -> HttpResponse:
    record = dissemination_for(request, dissemination_id)
    return confirm_delete(
        request,
        record,
        noun="dissemination record",
        delete=lambda: scr_learning.dissemination_delete(record=record),
        back_url=board_url(request, "case_reviews:scr-disseminations"),
        consequence="The reviews whose learning it shared are kept; they no longer list it.",
    )
