from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"

    def ready(self) -> None:
        from board import audit_tracking

        from . import schema  # noqa: F401  (registers the token scheme with drf-spectacular)
        from .models import IdempotentRequest

        audit_tracking.exclude(
            IdempotentRequest,
            reason="the stored answer to a write, kept for replays: the write itself is tracked",
        )
