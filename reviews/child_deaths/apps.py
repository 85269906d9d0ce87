from django.apps import AppConfig


class ChildDeathsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews.child_deaths"
    label = "child_deaths"
    verbose_name = "Child deaths (CDOP)"

    def ready(self) -> None:
        from board import audit_tracking, navigation, record_visibility, setup, waiting
        from board.models import ALL_ROLES, Role

        from . import action_sources, models, search
        from .selectors import CDOP_ROLES
        from .services.cases import cdop_board_set_up
        from .waiting import agency_forms_waiting

        search.register()
        action_sources.register(self.label)
        setup.register(cdop_board_set_up)
        from board import notifications

        from .services.notices import KINDS

        for key, title in KINDS.items():
            notifications.register(key, title)
        # Who may read these records, wherever they are shown (the audit log included):
        # a child death case and its forms only the CDOP panel (the case pages admit no
        # other role).
        record_visibility.restrict(
            models.CdopCase,
            models.AgencyForm,
            models.AgencyFormReminder,
            models.CdopRecommendation,
            models.RegisterImport,
            readers=[Role.CDOP_MEMBER],
        )
        # An uploaded register's rows (dates of birth and death) stay out of its audit
        # entry: the cases made from them have entries of their own.
        audit_tracking.track(models.RegisterImport, exclude_fields=("rows", "problems"))
        items = [
            ("Child deaths", "child_deaths:cdop-case-list", [Role.CDOP_MEMBER],
             "The Child Death Overview Panel's cases, forms and recommendations."),
            ("Child death statistics", "child_deaths:cdop-statistics", ALL_ROLES,
             "The year's child death reviews, with small numbers suppressed."),
        ]  # fmt: skip
        for order, (label, url_name, roles, description) in enumerate(items, start=40):
            navigation.register(
                label, url_name, roles, order, section="assurance", description=description
            )
        waiting.register(
            "cdop-forms", "Child deaths", agency_forms_waiting, roles=CDOP_ROLES, order=60
        )
        from board import calendar_sources

        from .calendar import agency_form_due_dates

        calendar_sources.register("cdop-forms-due", agency_form_due_dates, roles=CDOP_ROLES)
        from . import statutory

        statutory.register()
