from .groups import (
    MEMBER_ACCESS,
    ReturnsSettings,
    SubGroup,
    SubGroupKind,
    SubGroupMembership,
    SubGroupRole,
)
from .returns import (
    AWAITING_APPROVAL,
    EDITABLE,
    QuarterlyReturn,
    ReminderStage,
    ReturnEvent,
    ReturnEventKind,
    ReturnReminder,
    ReturnStatus,
)
from .templates import DEFAULT_QUESTIONS, TemplateIndicator, TemplateQuestion

__all__ = [
    "AWAITING_APPROVAL",
    "DEFAULT_QUESTIONS",
    "EDITABLE",
    "MEMBER_ACCESS",
    "QuarterlyReturn",
    "ReminderStage",
    "ReturnEvent",
    "ReturnEventKind",
    "ReturnReminder",
    "ReturnStatus",
    "ReturnsSettings",
    "SubGroup",
    "SubGroupKind",
    "SubGroupMembership",
    "SubGroupRole",
    "TemplateIndicator",
    "TemplateQuestion",
]
