from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.links import board_url
from core.paging import paginate
from core.periods import FinancialYear
from core.years import latest_year, year_from_query

from ..access import board_view
from ..files import file_response
from ..forms.meetings import AgendaItemForm, AttendanceForm, MeetingForm, PaperForm
from ..models import AgendaItem, Meeting, Paper
from ..selectors import actions as select_actions
from ..selectors import meetings as select
from ..services.meetings import attendance_record, paper_add, paper_delete
from .base import READ, WRITE, RecordDeleteView, RecordFormView, apply_errors, year_links


def meeting_years(board) -> set[FinancialYear]:
    """The years with meetings: the pages' (and their exports') default is the latest."""
    dates = Meeting.objects.filter(board=board).dates("date", "month")
    return {FinancialYear.containing(day) for day in dates}


@board_view(*READ)
def meeting_list(request: HttpRequest) -> HttpResponse:
    years = meeting_years(request.board)
    year = year_from_query(request, latest_year(years))
    meetings = select.meetings_in_year(request.board, year)
    context = {
        "page": paginate(request, meetings),
        **year_links(request, "meeting-list", year, years),
    }
    return render(request, "board/meeting_list.html", context)


@board_view(*READ)
def meeting_detail(request: HttpRequest, pk) -> HttpResponse:
    meeting = get_object_or_404(select.meeting_detail(request.board, pk))
    context = {
        "meeting": meeting,
        "agenda": meeting.agenda_items.all(),
        "papers": meeting.papers.all(),
        "attendance": select.meeting_attendance(meeting),
        "approved_minutes_of": meeting.approved_minutes_of.all(),
        "actions": select_actions.actions_for_source(meeting),
    }
    return render(request, "board/meeting_detail.html", context)


class MeetingFormView(RecordFormView):
    model, form_class, noun = Meeting, MeetingForm, "meeting"

    def success_url(self, obj) -> str:
        return board_url(self.request, "meeting-detail", pk=obj.pk)

    def back_url(self, obj) -> str:
        if obj._state.adding:
            return board_url(self.request, "meeting-list")
        return self.success_url(obj)


class MeetingDeleteView(RecordDeleteView):
    model, noun = Meeting, "meeting"

    def delete(self, obj) -> None:
        if obj.papers.exists() or obj.attendances.exists():
            raise ValidationError("Delete the meeting's papers and attendance records first.")
        super().delete(obj)

    def success_url(self, obj) -> str:
        year = FinancialYear.containing(obj.date)
        return board_url(self.request, "meeting-list", query={"year": year.slug})

    def back_url(self, obj) -> str:
        return board_url(self.request, "meeting-detail", pk=obj.pk)


def _meeting(request, pk) -> Meeting:
    return get_object_or_404(Meeting, board=request.board, pk=pk)


@board_view(*WRITE)
def attendance_edit(request: HttpRequest, pk) -> HttpResponse:
    meeting = _meeting(request, pk)
    members = select.members_for_meeting(meeting)
    form = AttendanceForm(request.POST or None, memberships=members)
    if request.method == "POST" and form.is_valid():
        try:
            attendance_record(meeting=meeting, entries=form.entries())
        except ValidationError as error:
            for key, messages_ in error.message_dict.items():
                form.add_error(f"status_{key.replace('-', '')}", messages_)
        else:
            messages.success(request, f"Attendance recorded for {meeting}")
            return redirect(board_url(request, "meeting-detail", pk=meeting.pk))
    context = {
        "form": form,
        "meeting": meeting,
        "back_url": board_url(request, "meeting-detail", pk=meeting.pk),
    }
    return render(request, "board/attendance_form.html", context)


@board_view(*READ)
def attendance_report(request: HttpRequest) -> HttpResponse:
    years = meeting_years(request.board)
    year = year_from_query(request, latest_year(years))
    context = {
        "rates": select.attendance_rates(request.board, year),
        **year_links(request, "attendance-report", year, years),
    }
    return render(request, "board/attendance_report.html", context)


class AgendaItemFormView(RecordFormView):
    model, form_class, noun = AgendaItem, AgendaItemForm, "agenda item"

    def new_object(self):
        meeting = _meeting(self.request, self.kwargs["meeting_pk"])
        position = meeting.agenda_items.count() + 1
        return AgendaItem(board=self.request.board, meeting=meeting, position=position)

    def success_url(self, obj) -> str:
        return board_url(self.request, "meeting-detail", pk=obj.meeting_id)


class AgendaItemDeleteView(RecordDeleteView):
    model, noun = AgendaItem, "agenda item"

    def success_url(self, obj) -> str:
        return board_url(self.request, "meeting-detail", pk=obj.meeting_id)


@board_view(*WRITE)
def paper_upload(request: HttpRequest, meeting_pk) -> HttpResponse:
    meeting = _meeting(request, meeting_pk)
    form = PaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            paper = paper_add(
                meeting=meeting,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                uploaded_by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Paper uploaded: {paper.title}")
            return redirect(board_url(request, "meeting-detail", pk=meeting.pk))
    context = {
        "form": form,
        "page_title": f"Upload a paper for the {meeting}",
        "back_url": board_url(request, "meeting-detail", pk=meeting.pk),
    }
    return render(request, "board/record_form.html", context)


@board_view(*READ)
def paper_download(request: HttpRequest, pk) -> HttpResponse:
    paper = get_object_or_404(Paper, board=request.board, pk=pk)
    return file_response(paper.file, filename=paper.original_name, content_type=paper.content_type)


class PaperDeleteView(RecordDeleteView):
    model, noun = Paper, "paper"

    def delete(self, obj) -> None:
        paper_delete(paper=obj)

    def success_url(self, obj) -> str:
        return board_url(self.request, "meeting-detail", pk=obj.meeting_id)
