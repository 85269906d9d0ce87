from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"

    def ready(self) -> None:
        from board import navigation, record_visibility
        from board.models import ALL_ROLES, Role

        from . import action_sources, models

        action_sources.register(self.label)

        scr_readers = [Role.SCR_MEMBER, Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR]
        # Who may read these records, wherever they are shown (the audit log included):
        # a child death case and its forms only the CDOP panel (the case pages admit no
        # other role); confidential review documents the SCR sub-group, manager and chair.
        record_visibility.restrict(
            models.CdopCase,
            models.AgencyForm,
            models.AgencyFormReminder,
            models.CdopRecommendation,
            readers=[Role.CDOP_MEMBER],
        )
        record_visibility.restrict(models.ReviewDocument, readers=scr_readers)
        items = [
            ("Child deaths", "reviews:cdop-case-list", [Role.CDOP_MEMBER],
             "The Child Death Overview Panel's cases, forms and recommendations."),
            ("Child death statistics", "reviews:cdop-statistics", ALL_ROLES,
             "The year's child death reviews, with small numbers suppressed."),
            ("Case reviews", "reviews:scr-register", ALL_ROLES,
             "Serious case and learning reviews, from decision to publication."),
            ("Case review dashboard", "reviews:scr-dashboard", scr_readers,
             "Statutory timescales and the completion of reviews' action plans."),
            ("Audits", "reviews:audit-list", ALL_ROLES,
             "Multi-agency and single-agency case-file audits, findings and re-audits."),
            ("Section 11", "reviews:section11-cycle-list", ALL_ROLES,
             "Agencies' self-assessments against the Section 11 standards, cycle by cycle."),
            ("Inspections", "reviews:inspection-list", ALL_ROLES,
             "Inspections by Ofsted, CQC, HMIC and HMI Probation: judgements and recommendations."),
            ("Records past retention", "reviews:retention-report", [Role.BOARD_MANAGER],
             "Closed child death cases and reviews kept longer than the board's policy."),
        ]  # fmt: skip
        for order, (label, url_name, roles, description) in enumerate(items, start=40):
            navigation.register(
                label, url_name, roles, order, section="assurance", description=description
            )
