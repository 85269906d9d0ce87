from .actions import RAG_TAG, Action, ActionSource, ActionStatus, ActionUpdate
from .agencies import LEAD_SECTORS, Agency, PartnerRole, Sector
from .audit import AuditEntry
from .base import BoardOwnedModel, TimestampedModel, UUIDModel
from .boards import ALL_ROLES, Board, BoardArrangement, Role, RoleAssignment
from .grants import RoleGrant
from .invitations import Invitation, InvitationStatus
from .membership import ACCESS_FOR_BOARD_ROLE, BoardRole, Membership, Person
from .system import WorkerHeartbeat
from .users import User

__all__ = [
    "ACCESS_FOR_BOARD_ROLE",
    "ALL_ROLES",
    "LEAD_SECTORS",
    "BoardArrangement",
    "PartnerRole",
    "RAG_TAG",
    "Action",
    "ActionSource",
    "ActionStatus",
    "ActionUpdate",
    "Agency",
    "AuditEntry",
    "Invitation",
    "InvitationStatus",
    "Board",
    "BoardOwnedModel",
    "BoardRole",
    "Membership",
    "Person",
    "Role",
    "RoleAssignment",
    "RoleGrant",
    "Sector",
    "TimestampedModel",
    "UUIDModel",
    "User",
    "WorkerHeartbeat",
]

from .budget import ExpenditureLine, IncomeKind, IncomeLine  # noqa: E402
from .challenge import Challenge  # noqa: E402
from .meetings import AgendaItem, Attendance, AttendanceStatus, Meeting, MeetingKind, Paper  # noqa: E402
from .plan import Objective, Priority  # noqa: E402

__all__ += [
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "Challenge",
    "ExpenditureLine",
    "IncomeKind",
    "IncomeLine",
    "Meeting",
    "MeetingKind",
    "Objective",
    "Paper",
    "Priority",
]

from .training import (  # noqa: E402
    Course,
    CourseLevel,
    Delivery,
    SessionAttendance,
    SessionEvaluation,
    TrainingSession,
)

__all__ += [
    "Course",
    "CourseLevel",
    "Delivery",
    "SessionAttendance",
    "SessionEvaluation",
    "TrainingSession",
]

from .notifications import (  # noqa: E402
    EmailChoice,
    EmailState,
    Notification,
    NotificationPreference,
)

__all__ += ["EmailChoice", "EmailState", "Notification", "NotificationPreference"]
from .calendar import CalendarFeed  # noqa: E402

__all__ += ["CalendarFeed"]
from .timescales import BoardTimescale  # noqa: E402

__all__ += ["BoardTimescale"]
from .scrutiny import ScrutinyArea, ScrutinyFinding  # noqa: E402

__all__ += ["ScrutinyArea", "ScrutinyFinding"]
