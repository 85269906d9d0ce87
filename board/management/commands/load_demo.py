from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scope, scopes_disabled

from board import demo, demo_two_factor
from board.models import RoleAssignment
from board.services.notifications import notifications_not_emailed
from core.project import our_app_configs
from core.years import this_year


class Command(BaseCommand):
    help = "Create or update the demo board and its records. Safe to run again."

    @transaction.atomic
    @notifications_not_emailed()
    def handle(self, *args, **options) -> None:
        write = self.stdout.write
        if settings.SHOW_DEMO_PASSWORDS:
            write("Demo log-ins (development only):")
        # The demo board does not exist until demo.load makes it: build it unscoped.
        with scopes_disabled():
            board = demo.load(write)
        # Each other app contributes its part through its own demo module, in the order
        # of INSTALLED_APPS, so that `board` does not import the apps that build on it.
        for config in our_app_configs():
            if config.name == "board" or find_spec(f"{config.name}.demo") is None:
                continue
            with scope(board=board):
                import_module(f"{config.name}.demo").load(board, write)
        # Then the current year, dated from today (each app's `demo_live.py`), so that no
        # page opens on an empty year however long after 2014/15 the demo is loaded.
        for config in our_app_configs():
            if find_spec(f"{config.name}.demo_live") is not None:
                with scope(board=board):
                    import_module(f"{config.name}.demo_live").load(board)
        write(f"  This year's records ({this_year().label}) dated from today")
        if demo_two_factor.allowed():
            with scopes_disabled():
                self._two_factor_keys(board, write)
        write(self.style.SUCCESS(f"Demo board ready: {board.name} (/boards/{board.slug}/)"))

    def _two_factor_keys(self, board, write) -> None:
        """How each demo account passes two-factor sign-in without a phone (development
        only: `allowed()` is false under production settings)."""
        write("Two-factor sign-in for the demo accounts (development only):")
        write("  type the key into an authenticator app, or run")
        write("  `DEBUG=true python manage.py demo_code EMAIL` for the current code.")
        assignments = RoleAssignment.objects.filter(
            board=board,
            user__email__endswith=f"@{demo.DEMO_EMAIL_DOMAIN}",
            role__in=demo_two_factor.ROLES_WITH_TWO_FACTOR,
        ).select_related("user")
        for user in sorted({a.user for a in assignments}, key=lambda u: u.email):
            key = demo_two_factor.key_of(demo_two_factor.demo_device(user))
            write(f"  {user.email:<36} key {key}")
