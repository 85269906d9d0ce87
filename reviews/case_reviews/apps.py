from django.apps import AppConfig


class CaseReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews.case_reviews"
    label = "case_reviews"
    verbose_name = "Case reviews"

    def ready(self) -> None:
        from board import navigation, record_visibility, setup, waiting
        from board.models import ALL_ROLES, Role

        from . import action_sources, models, search
        from .services.reviews import scr_board_set_up
        from .waiting import clocks_waiting

        search.register()
        action_sources.register(self.label)
        setup.register(scr_board_set_up)
        from .services.alerts import register_kinds

        register_kinds()
        from .services import incident_notices

        incident_notices.register_kinds()
        scr_readers = [Role.SCR_MEMBER, Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR]
        # Confidential review documents: the SCR sub-group, manager and chair, wherever
        # they are shown (the audit log included).
        record_visibility.restrict(models.ReviewDocument, readers=scr_readers)
        # Serious incidents and their rapid reviews: the same readers as a review's record.
        record_visibility.restrict(
            models.SeriousIncident, models.RapidReview, models.AgencySummary, readers=scr_readers
        )
        items = [
            ("Case reviews", "case_reviews:scr-register", ALL_ROLES,
             "Serious case and learning reviews, from decision to publication."),
            ("Case review dashboard", "case_reviews:scr-dashboard", scr_readers,
             "Statutory timescales and the completion of reviews' action plans."),
            ("Serious incidents", "case_reviews:incident-list", scr_readers,
             "Notifications to the Panel, rapid reviews and the practice reviews they start."),
            ("National reviews", "case_reviews:national-review-list", ALL_ROLES,
             "The Panel's national reviews and the actions on their recommendations."),
            ("Records past retention", "case_reviews:retention-report", [Role.BOARD_MANAGER],
             "Closed child death cases and reviews kept longer than the board's policy."),
        ]  # fmt: skip
        orders = (42, 43, 44, 45, 47)
        for order, (label, url_name, roles, description) in zip(orders, items, strict=True):
            navigation.register(
                label, url_name, roles, order, section="assurance", description=description
            )
        waiting.register(
            "case-review-clocks", "Case reviews", clocks_waiting, roles=scr_readers, order=70
        )
        # The clocks' due dates reach the calendar through the statutory calendar's one
        # calendar source (board/statutory.py), not a source of this app's own.
        from . import statutory

        statutory.register()
        from .waiting_incidents import incident_clocks_waiting

        waiting.register(
            "serious-incident-clocks", "Serious incidents", incident_clocks_waiting,
            roles=scr_readers, order=69,
        )  # fmt: skip
