from django.apps import AppConfig
from django.db.models.signals import post_migrate

from core.links import board_url


class BoardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "board"

    def ready(self) -> None:
        from lscb.schedules import ensure_default_schedules

        from . import (
            audit_admin,
            audit_tracking,
            calendar_sources,
            navigation,
            searchable,
            setup,
            waiting,
        )
        from .home import own_actions_waiting
        from .models import CalendarFeed, Role

        # Before the other apps' ready(), which may exclude or re-track their records.
        audit_tracking.track_domain_models()
        # The admin has discovered django-auditlog's admin by now (it is installed first).
        audit_admin.register()
        post_migrate.connect(ensure_default_schedules, sender=self)
        setup.connect()
        navigation.register("Overview", "board-detail", order=0)
        business = [
            ("Members", "member-list", "Partner agencies, their representatives and attendance."),
            ("Meetings", "meeting-list", "Agendas, papers, minutes and who attended."),
            ("Actions", "action-list", "Every action of the board, whatever its source."),
            ("Business plan", "plan", "Priorities and their actions for the year."),
            ("Challenge log", "challenge-list", "Challenges between partners and their outcomes."),
            ("Training", "training-summary", "Courses, sessions, attendance and evaluation."),
            ("Budget", "budget", "Contributions, income and expenditure for the year."),
            ("Calendar", "calendar", "Meetings and deadlines by month, and your calendar feed."),
            (
                "Partnership arrangements",
                "partnership-arrangements",
                "Lead and delegated partners, relevant agencies, the chair and the scrutineer.",
            ),
            (
                "Independent scrutiny",
                "scrutiny-plan",
                "The scrutineer's plan for the year, findings and challenges raised.",
            ),
        ]
        for order, (label, url_name, description) in enumerate(business, start=10):
            navigation.register(
                label, url_name, order=order, section="business", description=description
            )
        navigation.register("Audit log", "audit-log", roles=[Role.BOARD_MANAGER], order=90)
        navigation.register(
            "Invitations", "invitation-list", roles=[Role.BOARD_MANAGER], order=17,
            section="business", description="Invite people to the board by e-mail.",
        )  # fmt: skip
        waiting.register("actions", "Your actions", own_actions_waiting, order=20)
        self._register_notifications()
        calendar_sources.register("meetings", calendar_sources.meeting_events)
        self._register_statutory()
        audit_tracking.exclude(CalendarFeed, reason="holds a secret (the feed token's hash)")
        searchable.register()
        self._register_action_sources()

    def _register_notifications(self) -> None:
        from . import audit_tracking, notifications
        from .models import Notification

        # A notification is a copy of a hand-over the audit trail records already, and
        # marking one read is nobody's business but its reader's.
        audit_tracking.exclude(Notification, reason="a note to one person of a recorded change")
        notifications.register("action_assigned", "An action has been given to you")
        notifications.register("action_due_soon", "An action of yours is due soon")
        notifications.register("action_overdue", "An action of yours is overdue")
        from .services.scrutiny import KINDS

        for key, sentence in KINDS.items():
            notifications.register(key, sentence)

    def _register_statutory(self) -> None:
        """The statutory calendar's one calendar source (its due dates on the month page
        and the feed), the warning it escalates by, and its notifications."""
        from . import calendar_sources, navigation, notifications, statutory, timescales
        from .models import Role

        timescales.register(
            "board.warning_days", "Warning before a statutory clock runs out", default=7,
            unit=timescales.DAYS, source="Local setting", maximum=60, order=0,
        )  # fmt: skip
        # Each kind's roles are checked inside, so this source is open to every role.
        calendar_sources.register("statutory", statutory.calendar_events)
        notifications.register("statutory_due_soon", "A statutory deadline is coming up")
        notifications.register("statutory_overdue", "A statutory deadline has passed")
        navigation.register(
            "Timescales", "timescales", roles=[Role.BOARD_MANAGER], order=19, section="business",
            description="The statutory timescales the board's clocks count, and their sources.",
        )  # fmt: skip

    def _register_action_sources(self) -> None:
        """Board's own kinds of action; the apps that build on board register theirs."""

        from . import action_sources
        from .models import ActionSource

        def plan(objective) -> str:
            year = objective.priority.financial_year
            return board_url(objective.board, "plan", query={"year": year.slug})

        def meeting(meeting) -> str:
            return board_url(meeting.board, "meeting-detail", pk=meeting.pk)

        for key, label, link in [
            (ActionSource.DIRECT, "Recorded directly", None),
            (ActionSource.BUSINESS_PLAN, "Business plan", plan),
            (ActionSource.MEETING, "Meeting decision", meeting),
            (ActionSource.OTHER, "Other", None),
        ]:
            action_sources.register(key, label, app_label=self.label, link=link)
