from django.apps import AppConfig


class JtaiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports.jtai"
    label = "jtai"
    verbose_name = "JTAI readiness packs"

    def ready(self) -> None:
        from board import navigation
        from core.jobs.signals import job_failed

        from .services import MAKERS
        from .tasks import pack_job_failed

        navigation.register(
            "JTAI readiness pack", "jtai:index", roles=MAKERS, order=75, section="assurance",
            description="A bundle of the last six months for a joint targeted area inspection: "
            "figures, audits, Section 11, open actions and inspections' recommendations.",
        )  # fmt: skip
        job_failed.connect(pack_job_failed, dispatch_uid="jtai.pack_job_failed")
