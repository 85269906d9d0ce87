"""The learning and development programme: courses, their sessions, attendance by agency
and the evaluation of each session at the end and some months later."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from .agencies import Agency
from .base import BoardOwnedModel

SCORE_MIN, SCORE_MAX = 1, 5
SCORE_MESSAGE = f"Enter a score from {SCORE_MIN} to {SCORE_MAX}."


class CourseLevel(models.TextChoices):
    LEVEL_1 = "level_1", "Level 1: basic awareness"
    LEVEL_2 = "level_2", "Level 2: working with children and families"
    LEVEL_3 = "level_3", "Level 3: multi-agency working"
    LEVEL_4 = "level_4", "Level 4: specialist and leadership"


class Delivery(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face to face"
    ONLINE = "online", "Online"
    CONFERENCE = "conference", "Conference"


class Course(BoardOwnedModel):
    title = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=CourseLevel.choices)
    delivery = models.CharField(max_length=20, choices=Delivery.choices)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class TrainingSession(BoardOwnedModel):
    """One run of a course, on a date at a place."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField()
    place = models.CharField(max_length=200)

    class Meta:
        ordering = ["-date", "course__title"]

    def __str__(self) -> str:
        return f"{self.course}, {self.date:%-d %b %Y}"

    @property
    def has_happened(self) -> bool:
        return self.date <= timezone.localdate()

    def clean(self) -> None:
        if self.course_id and self.course.board_id != self.board_id:
            raise ValidationError({"course": "Choose a course of this board."})
        if (
            self.date
            and self.date > timezone.localdate()
            and not self._state.adding
            and self.attendances.exists()
        ):
            raise ValidationError(
                {
                    "date": "This session has attendance recorded, "
                    "so its date cannot be in the future."
                }
            )


def _require_past_session(session: TrainingSession, what: str) -> None:
    if session.date > timezone.localdate():
        raise ValidationError(
            f"{what} cannot be recorded for a session that has not happened yet "
            f"(it is on {session.date:%-d %B %Y})."
        )


class SessionAttendance(BoardOwnedModel):
    """How many people from one agency attended one session."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="training_attendances"
    )
    attendees = models.PositiveIntegerField(
        "number of attendees", validators=[MinValueValidator(1, "Enter at least 1 attendee.")]
    )

    class Meta:
        ordering = ["agency__name"]
        verbose_name = "session attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "agency"],
                name="training_attendance_one_per_agency",
                violation_error_message="Attendance for this agency is already recorded.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency}: {self.attendees}"

    def clean(self) -> None:
        if self.agency_id and self.agency.board_id != self.board_id:
            raise ValidationError({"agency": "Choose an agency of this board."})
        if self.session_id:
            if self.session.board_id != self.board_id:
                raise ValidationError("The session is not one of this board's.")
            _require_past_session(self.session, "Attendance")


def score_field(verbose_name: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=2,
        decimal_places=1,
        validators=[
            MinValueValidator(SCORE_MIN, SCORE_MESSAGE),
            MaxValueValidator(SCORE_MAX, SCORE_MESSAGE),
        ],
        help_text=f"The average score, from {SCORE_MIN} (poor) to {SCORE_MAX} (excellent).",
        **kwargs,
    )


class SessionEvaluation(BoardOwnedModel):
    """The evaluation of a session at its end, and a follow-up some months later."""

    session = models.OneToOneField(
        TrainingSession, on_delete=models.CASCADE, related_name="evaluation"
    )
    end_score = score_field("end-of-course score")
    end_comments = models.TextField("end-of-course comments", blank=True)
    follow_up_score = score_field("follow-up score", null=True, blank=True)
    follow_up_comments = models.TextField("follow-up comments", blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_score__gte=SCORE_MIN, end_score__lte=SCORE_MAX),
                name="training_end_score_in_scale",
                violation_error_message=SCORE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=models.Q(follow_up_score__isnull=True)
                | models.Q(follow_up_score__gte=SCORE_MIN, follow_up_score__lte=SCORE_MAX),
                name="training_follow_up_score_in_scale",
                violation_error_message=SCORE_MESSAGE,
            ),
        ]

    def __str__(self) -> str:
        return f"Evaluation of {self.session}"

    def clean(self) -> None:
        if self.session_id:
            if self.session.board_id != self.board_id:
                raise ValidationError("The session is not one of this board's.")
            _require_past_session(self.session, "An evaluation")
