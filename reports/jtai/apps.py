from django.apps import AppConfig


class JtaiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports.jtai"
    label = "jtai"
    verbose_name = "JTAI readiness packs"

    def ready(self) -> None:
        from board import audit_tracking, navigation
        from core.jobs.signals import job_failed

        from .models import JtaiPack
        from .services import MAKERS
        from .tasks import pack_job_failed

        # A pack is a copy of records made on request, like a report's rendered PDF: who
        # asked is on the row, each download is logged as a read (log_access). An entry
        # for it would count as a change of the board's records and make the annual
        # report render again (reports/changes.py).
        audit_tracking.exclude(JtaiPack, reason="a copy of records made on request")

        navigation.register(
            "JTAI readiness pack", "jtai:index", roles=MAKERS, order=75, section="assurance",
            description="A bundle of the last six months for a joint targeted area inspection: "
            "figures, audits, Section 11, open actions and inspections' recommendations.",
        )  # fmt: skip
        job_failed.connect(pack_job_failed, dispatch_uid="jtai.pack_job_failed")
