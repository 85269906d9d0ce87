"""The learning and development programme: courses, sessions, attendance by agency,
evaluations, and the year summary. The board manager writes; every board role reads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.links import board_url
from core.lookups import or_404
from core.paging import paginate
from core.periods import FinancialYear
from core.years import latest_year, year_from_query

from ..access import board_view
from ..forms.training import AttendanceForm, CourseForm, SessionEvaluationForm, TrainingSessionForm
from ..models import Course, SessionAttendance, SessionEvaluation, TrainingSession
from ..selectors import training as select
from ..services.training import attendance_record, evaluation_save
from .base import READ, WRITE, RecordDeleteView, RecordFormView, apply_errors, year_links


@board_view(*READ)
def training_summary(request: HttpRequest) -> HttpResponse:
    years = select.training_years(request.board)
    year = year_from_query(request, latest_year(years))
    context = {
        "summary": select.year_summary(request.board, year),
        **year_links(request, "training-summary", year, years),
    }
    return render(request, "board/training/summary.html", context)


@board_view(*READ)
def course_list(request: HttpRequest) -> HttpResponse:
    context = {"page": paginate(request, select.courses(request.board))}
    return render(request, "board/training/course_list.html", context)


@board_view(*READ)
def session_list(request: HttpRequest) -> HttpResponse:
    years = select.training_years(request.board)
    year = year_from_query(request, latest_year(years))
    context = {
        "page": paginate(request, select.sessions_for_year(request.board, year)),
        **year_links(request, "training-session-list", year, years),
    }
    return render(request, "board/training/session_list.html", context)


@board_view(*READ)
def session_detail(request: HttpRequest, pk) -> HttpResponse:
    session = or_404(select.session_detail, board=request.board, pk=pk)
    context = {
        "session": session,
        "attendances": select.session_attendances(session),
        "evaluation": SessionEvaluation.objects.filter(
            board=request.board, session=session
        ).first(),
        "back_url": _sessions_url(request, session),
    }
    return render(request, "board/training/session_detail.html", context)


def _sessions_url(request, session) -> str:
    year = FinancialYear.containing(session.date)
    return board_url(request, "training-session-list", query={"year": year.slug})


class CourseFormView(RecordFormView):
    model, form_class, noun = Course, CourseForm, "course"
    list_url_name = "training-course-list"


class TrainingSessionFormView(RecordFormView):
    model, form_class, noun = TrainingSession, TrainingSessionForm, "session"

    def get_queryset(self):
        return super().get_queryset().select_related("course")

    def success_url(self, obj) -> str:
        return board_url(self.request, "training-session-detail", pk=obj.pk)

    def back_url(self, obj) -> str:
        return board_url(self.request, "training-session-list")


@board_view(*WRITE)
def attendance_create(request: HttpRequest, pk) -> HttpResponse:
    session = or_404(select.session_detail, board=request.board, pk=pk)
    back = board_url(request, "training-session-detail", pk=session.pk)
    form = AttendanceForm(request.POST or None, board=request.board)
    if request.method == "POST" and form.is_valid():
        try:
            attendance_record(board=request.board, session=session, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Attendance recorded for {form.cleaned_data['agency']}")
            return redirect(back)
    context = {"form": form, "page_title": f"Record attendance: {session}", "back_url": back}
    return render(request, "board/record_form.html", context)


class EvaluationFormView(RecordFormView):
    model, form_class, noun = SessionEvaluation, SessionEvaluationForm, "evaluation"

    def get_object(self):
        self.session = or_404(select.session_detail, board=self.request.board, pk=self.kwargs["pk"])
        existing = SessionEvaluation.objects.filter(board=self.request.board, session=self.session)
        return existing.first() or SessionEvaluation(board=self.request.board, session=self.session)

    def page_title(self, obj) -> str:
        return f"Evaluation: {self.session}"

    def save(self, form):
        return evaluation_save(instance=form.save(commit=False))

    def success_url(self, obj) -> str:
        return board_url(self.request, "training-session-detail", pk=self.session.pk)


class CourseDeleteView(RecordDeleteView):
    """A course with sessions is kept (its sessions' attendance is in past years' totals):
    the deletion is refused and the page says why."""

    model, noun = Course, "course"
    list_url_name = "training-course-list"


class TrainingSessionDeleteView(RecordDeleteView):
    model, noun = TrainingSession, "session"

    def consequence(self, obj) -> str:
        attendances = obj.attendances.all()
        attendees = sum(attendance.attendees for attendance in attendances)
        if not attendees:
            return "No attendance has been recorded for this session."
        return (
            f"Its attendance ({attendees} attendees from {len(attendances)} agencies) and its "
            "evaluation are deleted with it, and leave the year's totals."
        )

    def success_url(self, obj) -> str:
        return _sessions_url(self.request, obj)

    def back_url(self, obj) -> str:
        return board_url(self.request, "training-session-detail", pk=obj.pk)


class AttendanceDeleteView(RecordDeleteView):
    """Removes one agency's attendance from a session, to correct a mistake."""

    model, noun = SessionAttendance, "attendance"

    def get_object(self):
        return get_object_or_404(
            SessionAttendance.objects.filter(board=self.request.board).select_related(
                "session__course", "agency"
            ),
            pk=self.kwargs["pk"],
        )

    def consequence(self, obj) -> str:
        return f"{obj.attendees} attendees from {obj.agency} at {obj.session} leave the totals."

    def success_url(self, obj) -> str:
        return board_url(self.request, "training-session-detail", pk=obj.session_id)
