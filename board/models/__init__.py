from .agencies import Agency, Sector
from .base import BoardOwnedModel, TimestampedModel, UUIDModel
from .boards import ALL_ROLES, Board, Role, RoleAssignment
from .system import WorkerHeartbeat
from .users import User

__all__ = [
    "ALL_ROLES",
    "Agency",
    "Board",
    "BoardOwnedModel",
    "Role",
    "RoleAssignment",
    "Sector",
    "TimestampedModel",
    "UUIDModel",
    "User",
    "WorkerHeartbeat",
]
