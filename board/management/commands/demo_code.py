from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from board import demo_two_factor
from board.demo import DEMO_EMAIL_DOMAIN


class Command(BaseCommand):
    help = "Development only: print the current two-factor code of a demo account."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email", help="a demo account, e.g. manager@demo.lscb.example")

    def handle(self, *args, email: str, **options) -> None:
        try:
            code = demo_two_factor.current_code(email, DEMO_EMAIL_DOMAIN)
        except demo_two_factor.NotInDevelopment:
            raise CommandError(
                "Demo codes are shown only in development (DEBUG=true, as `make run` sets)."
            ) from None
        except TOTPDevice.DoesNotExist:
            raise CommandError(
                f"{email} has no demo authenticator: run `manage.py load_demo` with "
                "DEBUG=true, and give a demo account's address."
            ) from None
        self.stdout.write(code)
