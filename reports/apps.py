from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self) -> None:
        from board import navigation
        from core.jobs.signals import job_failed

        from .tasks import render_job_failed

        navigation.register("Annual reports", "reports:index", order=80)
        job_failed.connect(render_job_failed, dispatch_uid="reports.render_job_failed")
