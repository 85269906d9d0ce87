from django.apps import AppConfig
from django.db.models.signals import post_migrate


class BoardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "board"

    def ready(self) -> None:
        from lscb.schedules import ensure_default_schedules

        from . import navigation
        from .models import Role

        post_migrate.connect(ensure_default_schedules, sender=self)
        navigation.register("Overview", "board-detail", order=0)
        navigation.register("Members", "member-list", order=10)
        navigation.register("Meetings", "meeting-list", order=20)
        navigation.register("Actions", "action-list", order=30)
        navigation.register("Business plan", "plan", order=40)
        navigation.register("Challenge log", "challenge-list", order=50)
        navigation.register("Training", "training-summary", order=55)
        navigation.register("Budget", "budget", order=60)
        navigation.register("Audit log", "audit-log", roles=[Role.BOARD_MANAGER], order=90)
