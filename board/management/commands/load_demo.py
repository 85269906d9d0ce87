from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scope, scopes_disabled

from board import demo
from board.services.notifications import notifications_not_emailed
from core.project import our_app_configs


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
        write(self.style.SUCCESS(f"Demo board ready: {board.name} (/boards/{board.slug}/)"))
