"""Make an account a host administrator (or no longer one, with --remove):

    python manage.py host_admin someone@example.org

A host administrator creates boards and invites their managers (/host/boards/); it gives
no access to any board's records. The account must exist (createsuperuser, or an
invitation accepted)."""

from django.core.management.base import BaseCommand, CommandError

from board.models import User


class Command(BaseCommand):
    help = "Make an account a host administrator, or no longer one (--remove)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email")
        parser.add_argument("--remove", action="store_true")

    def handle(self, email: str, remove: bool, **options) -> None:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"There is no account with the e-mail address {email}")
        user.is_host_admin = not remove
        user.save(update_fields=["is_host_admin"])
        state = "no longer a host administrator" if remove else "a host administrator"
        self.stdout.write(f"{user.email} is now {state}.")
