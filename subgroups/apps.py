from django.apps import AppConfig


class SubgroupsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subgroups"

    def ready(self) -> None:
        from board import navigation
        from board.models import ALL_ROLES, Role

        navigation.register("Sub-groups", "subgroups:subgroup-list", ALL_ROLES, 30)
        navigation.register("My returns", "subgroups:my-returns", [Role.SUBGROUP_CHAIR], 31)
        navigation.register(
            "Returns completeness",
            "subgroups:completeness",
            [Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR],
            32,
        )
