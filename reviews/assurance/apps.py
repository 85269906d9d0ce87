from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews.assurance"
    label = "assurance"
    verbose_name = "Assurance (audits, Section 11, inspections)"

    def ready(self) -> None:
        from board import navigation, setup
        from board.models import ALL_ROLES

        from . import action_sources
        from .services.audits import audit_board_set_up
        from .services.section11 import section11_board_set_up

        action_sources.register(self.label)
        from . import statutory

        statutory.register()
        setup.register(audit_board_set_up)
        setup.register(section11_board_set_up)
        items = [
            ("Audits", "assurance:audit-list",
             "Multi-agency and single-agency case-file audits, findings and re-audits."),
            ("Section 11", "assurance:section11-cycle-list",
             "Agencies' self-assessments against the Section 11 standards, cycle by cycle."),
            ("Inspections", "assurance:inspection-list",
             "Inspections by Ofsted, CQC, HMIC and HMI Probation: judgements and recommendations."),
        ]  # fmt: skip
        for order, (label, url_name, description) in enumerate(items, start=44):
            navigation.register(
                label, url_name, ALL_ROLES, order, section="assurance", description=description
            )
