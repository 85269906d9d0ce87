"""The demo board's 2014/15 learning and development programme, from the table "NAME OF
EVENT / ATTENDEES TO DATE" of Croydon's 2014/15 annual review (section 10 c (i),
../shared/reference/croydon-lscb-annual-review-2014-15.txt).

From the report: the fifteen events and each one's number of attendees. Illustrative,
because the report does not say: the number and dates of sessions (the programme was
launched in September 2014; the serious case review workshops began in March 2015), how
each session's attendees split between agencies (the report names education, social care,
health and early help as the main takers), and the evaluation scores (the report says only
that feedback was very positive, in particular for Level 3 safeguarding).

The published table is "to date" and prints no total; its rows add up to 2,819, while the
review's text says "approximately 660 people" attended between September 2014 and March
2015. The app does not copy either: its totals are the sums of the recorded attendance.

Safe to run again: courses are found by title, sessions by course and date, and
attendance and evaluations are recorded through the services, which correct in place.
"""

from datetime import date
from decimal import Decimal

from .models import (
    Agency,
    Board,
    Course,
    CourseLevel,
    Delivery,
    SessionEvaluation,
    TrainingSession,
)
from .services.training import attendance_record, evaluation_save

L1, L2, L3, L4 = (CourseLevel.LEVEL_1, CourseLevel.LEVEL_2, CourseLevel.LEVEL_3,
                  CourseLevel.LEVEL_4)  # fmt: skip
ROOM = "Bernard Weatherill House, Croydon"
PLACES = {Delivery.CONFERENCE: "Croydon conference venue", Delivery.ONLINE: "Online"}
SCHOOLS, SOCIAL_CARE = "Croydon Schools", "Croydon Children's Social Care"
HEALTH, EARLY_HELP = "Croydon Health Services NHS Trust", "Croydon Early Help"
POLICE, HOUSING = "Metropolitan Police Service", "Croydon Housing"

# (published event name, course title, level, delivery, attendees to date, sessions,
#  agency the course draws most from or None). Attendees are from the report.
COURSES = [
    ("CSE/OP RAPTOR", "Child sexual exploitation: Operation Raptor", L3, "face_to_face", 60, 3,
     POLICE),
    ("CSE/GANGS", "Child sexual exploitation and gangs", L3, "face_to_face", 24, 1, None),
    ("SERIOUS CASE REVIEWS", "Serious case review workshops", L3, "face_to_face", 244, 6, None),
    ("LEVEL 3 SAFEGUARDING", "Level 3 safeguarding", L3, "face_to_face", 262, 10, None),
    ("DA & SEXUAL VIOLENCE", "Domestic abuse and sexual violence", L3, "face_to_face", 56, 3,
     None),
    ("DA, HBV (DASH)", "Domestic abuse and honour-based violence (DASH)", L3, "face_to_face",
     29, 2, POLICE),
    ("CHILD TRAFFICKING", "Child trafficking", L3, "face_to_face", 20, 1, None),
    ("PREVENT", "Prevent", L2, "face_to_face", 81, 4, SCHOOLS),
    ("CSCB CONFERENCE", "CSCB annual conference", L3, "conference", 186, 1, None),
    ("PRIVATE FOSTERING CONFERENCE", "Private fostering conference", L2, "conference", 47, 1,
     SOCIAL_CARE),
    ("CAPI CONFERENCE (PARENTS IN PRISON)", "Children affected by parental imprisonment "
     "(CAPI) conference", L2, "conference", 83, 1, None),
    ("SYSTEMIC PRACTICE", "Systemic practice", L4, "face_to_face", 29, 2, SOCIAL_CARE),
    ("FABRICATED INDUCED ILLNESS", "Fabricated or induced illness", L3, "face_to_face", 77, 3,
     HEALTH),
    ("ENGAGING MEN", "Engaging men", L3, "face_to_face", 21, 1, None),
    ("INTRODUCTORY ONLINE SAFEGUARDING", "Introductory online safeguarding", L1, "online",
     1600, 12, None),
]  # fmt: skip
# Illustrative shares of each session's attendees (percent), before the course's own
# leaning: schools, social care, health and early help first, as the report describes.
AGENCY_WEIGHTS = {
    SCHOOLS: 26,
    SOCIAL_CARE: 24,
    HEALTH: 12,
    EARLY_HELP: 12,
    "Croydon Voluntary Action": 8,
    POLICE: 6,
    HOUSING: 5,
    "South London and Maudsley NHS Foundation Trust": 4,
    "Croydon Clinical Commissioning Group": 3,
}
FOCUS_WEIGHT = 30
# Illustrative evaluation scores, cycled over a course's sessions. Level 3's ten sessions
# average 4.65 at the end, which rounds half-up to 4.7 (half-even would give 4.6).
END_SCORES = ["4.4", "4.6", "4.3", "4.5", "4.7"]
LEVEL_3_END_SCORES = ["4.6", "4.7", "4.6", "4.8", "4.6", "4.7", "4.6", "4.6", "4.7", "4.6"]
FOLLOW_UP_SCORES = ["4.1", "4.3", "4.0"]
FOLLOW_UP_BEFORE = date(2015, 1, 1)  # later sessions had no follow-up by the year's end


def session_dates(title: str, delivery: str, count: int, index: int) -> list[date]:
    """Spread a course's sessions over the programme (September 2014 to March 2015); the
    online course monthly over the year; the review workshops in March 2015."""
    if delivery == Delivery.ONLINE:
        return [date(2014 + (month < 4), month, 15) for month in [*range(4, 13), 1, 2, 3]][:count]
    if title == "Serious case review workshops":
        return [date(2015, 3, 2 + 4 * n) for n in range(count)]
    months = [(2014, 9), (2014, 10), (2014, 11), (2014, 12), (2015, 1), (2015, 2), (2015, 3)]
    dates = []
    for n in range(count):
        year, month = months[(index + n * 2) % len(months)]
        dates.append(date(year, month, 3 + (index + 9 * (n // len(months))) % 24))
    return sorted(dates)


def split(total: int, weights: list[int]) -> list[int]:
    """`total` shared in proportion to `weights`, in whole numbers that add up to it
    (largest remainder first)."""
    whole = sum(weights)
    shares = [total * weight // whole for weight in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def load(board: Board) -> None:
    agencies = {agency.name: agency for agency in Agency.objects.filter(board=board)}
    names = list(AGENCY_WEIGHTS)
    for index, (_published, title, level, delivery, attendees, count, focus) in enumerate(COURSES):
        course, _ = Course.objects.update_or_create(
            board=board, title=title, defaults={"level": level, "delivery": delivery}
        )
        weights = [AGENCY_WEIGHTS[name] + FOCUS_WEIGHT * (name == focus) for name in names]
        dates = session_dates(title, delivery, count, index)
        end_scores = LEVEL_3_END_SCORES if title == "Level 3 safeguarding" else END_SCORES
        per_session = split(attendees, [1] * count)
        for n, (day, in_session) in enumerate(zip(dates, per_session, strict=True)):
            session = _session(board, course, day, PLACES.get(delivery, ROOM))
            for name, number in zip(names, split(in_session, weights), strict=True):
                if number:
                    attendance_record(
                        board=board, session=session, agency=agencies[name], attendees=number
                    )
            follow_up = FOLLOW_UP_SCORES[n % 3] if day < FOLLOW_UP_BEFORE else None
            shift = 0 if end_scores is LEVEL_3_END_SCORES else index
            _evaluate(session, end_scores[(shift + n) % len(end_scores)], follow_up)


def _session(board: Board, course: Course, day: date, place: str) -> TrainingSession:
    session = TrainingSession.objects.filter(board=board, course=course, date=day).first()
    if session is None:
        session = TrainingSession(board=board, course=course, date=day, place=place)
        session.full_clean()
        session.save()
    return session


def _evaluate(session: TrainingSession, end: str, follow_up: str | None) -> None:
    evaluation = SessionEvaluation.objects.filter(session=session).first()
    evaluation = evaluation or SessionEvaluation(board=session.board, session=session)
    evaluation.end_score = Decimal(end)
    evaluation.follow_up_score = None if follow_up is None else Decimal(follow_up)
    evaluation_save(instance=evaluation)
