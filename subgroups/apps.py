from django.apps import AppConfig


class SubgroupsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subgroups"

    def ready(self) -> None:
        from board import navigation, waiting
        from board.models import ALL_ROLES, Role

        from .services.notices import register_kinds
        from .waiting import chair_returns_waiting, manager_returns_waiting

        register_kinds()

        navigation.register(
            "Sub-groups",
            "subgroups:subgroup-list",
            ALL_ROLES,
            30,
            section="data",
            description="The board's sub-groups, their members and return templates.",
        )
        navigation.register(
            "My returns",
            "subgroups:my-returns",
            [Role.SUBGROUP_CHAIR],
            31,
            section="data",
            description="The quarterly returns of the sub-groups you chair.",
        )
        navigation.register(
            "Returns completeness",
            "subgroups:completeness",
            [Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR],
            32,
            section="data",
            description="Which sub-groups have returned each quarter, and which are late.",
        )
        waiting.register(
            "returns",
            "Your quarterly returns",
            chair_returns_waiting,
            roles=[Role.SUBGROUP_CHAIR],
            order=10,
        )
        waiting.register(
            "returns-to-approve",
            "Returns to approve",
            manager_returns_waiting,
            roles=[Role.BOARD_MANAGER],
            order=11,
        )
        # Returns' due dates reach the calendar through the statutory calendar's one
        # calendar source (board/statutory.py).
        from . import statutory

        statutory.register()
