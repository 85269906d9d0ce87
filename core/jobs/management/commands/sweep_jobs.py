from django.core.management.base import BaseCommand

from core.jobs.sweeper import sweep


class Command(BaseCommand):
    help = (
        "Send again the background jobs never sent or never started, and end those whose "
        "worker stopped or whose time ran out (what the scheduled sweeper does each minute)."
    )

    def handle(self, *args, **options) -> None:
        counts = sweep()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
