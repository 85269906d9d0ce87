from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from board import navigation, waiting
        from board.models import AuditEntry, Role
        from core.jobs.signals import job_failed

        from .notices import register_kinds
        from .render_ahead import audit_entry_saved
        from .tasks import render_job_failed

        register_kinds()
        from . import statutory

        statutory.register()
        from .waiting import approval_waiting, sections_waiting

        navigation.register("{Report}s", "reports:index", order=80)
        waiting.register("report-sections", "The annual report", sections_waiting, order=50)
        waiting.register(
            "report-approval",
            "Report approval",
            approval_waiting,
            roles=[Role.INDEPENDENT_CHAIR],
            order=51,
        )
        self._yearly(waiting)
        job_failed.connect(render_job_failed, dispatch_uid="reports.render_job_failed")
        # Records changed: render open reports ahead of the request (render_ahead.py).
        post_save.connect(audit_entry_saved, sender=AuditEntry, dispatch_uid="reports.ahead")

    def _yearly(self, waiting) -> None:
        """The partnership yearly report: its settings made with each board, its send-on
        clock on the home page (reports/yearly/; the calendar has it from statutory.py)."""
        from board import setup
        from board.models import Role

        from .yearly.home import send_on_waiting
        from .yearly.services import yearly_settings_set_up

        setup.register(yearly_settings_set_up)
        waiting.register("yearly-report-send-on", "Yearly report send-on", send_on_waiting,
                         roles=[Role.BOARD_MANAGER], order=52)  # fmt: skip
