from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"

    def ready(self) -> None:
        from board import navigation
        from board.models import ALL_ROLES, Role

        navigation.register("Child deaths", "reviews:cdop-case-list", [Role.CDOP_MEMBER], 40)
        navigation.register("Child death statistics", "reviews:cdop-statistics", ALL_ROLES, 41)
        navigation.register("Case reviews", "reviews:scr-register", ALL_ROLES, 42)
        navigation.register(
            "Case review dashboard",
            "reviews:scr-dashboard",
            [Role.SCR_MEMBER, Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR],
            43,
        )
        navigation.register("Audits", "reviews:audit-list", ALL_ROLES, 45)
        navigation.register("Inspections", "reviews:inspection-list", ALL_ROLES, 47)
        navigation.register(
            "Records past retention", "reviews:retention-report", [Role.BOARD_MANAGER], 44
        )
