from .agencies import Agency, Sector
from .base import TimestampedModel, UUIDModel
from .boards import ALL_ROLES, Board, Role, RoleAssignment
from .system import WorkerHeartbeat
from .users import User

__all__ = [
    "ALL_ROLES",
    "Agency",
    "Board",
    "Role",
    "RoleAssignment",
    "Sector",
    "TimestampedModel",
    "UUIDModel",
    "User",
    "WorkerHeartbeat",
]
