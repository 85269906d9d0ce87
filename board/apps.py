from django.apps import AppConfig
from django.db.models.signals import post_migrate


class BoardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "board"

    def ready(self) -> None:
        from lscb.schedules import ensure_default_schedules

        from . import navigation

        post_migrate.connect(ensure_default_schedules, sender=self)
        navigation.register("Overview", "board-detail", order=0)
