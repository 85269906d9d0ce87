"""Two-factor sign-in for the demo accounts in development, without a phone.

`make run` (DEBUG) gives each demo account that must use two factors a confirmed
authenticator device and prints its key; `manage.py demo_code EMAIL` prints the code that
device would show now. Both refuse outside development: a deployed site's codes are never
printed, and only the demo's own devices (by name, on demo addresses) are ever read."""

from base64 import b32encode

from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Role, User

DEVICE_NAME = "Demo authenticator (development only)"
# The roles whose sign-in asks for a code (lscb.two_factor.PRIVILEGED_ROLES, which board may
# not import; tests/test_load_demo.py checks that the two agree).
ROLES_WITH_TWO_FACTOR = frozenset(
    {
        Role.BOARD_MANAGER,
        Role.INDEPENDENT_CHAIR,
        Role.SUBGROUP_CHAIR,
        Role.CDOP_MEMBER,
        Role.SCR_MEMBER,
        Role.SCRUTINEER,
    }
)


class NotInDevelopment(Exception):
    """Demo codes are for development (DEBUG) only."""


def allowed() -> bool:
    return bool(settings.DEBUG and settings.SHOW_DEMO_PASSWORDS)


def demo_device(user: User) -> TOTPDevice:
    """The demo account's device, made (confirmed) the first time. Kept between runs, so a
    key already typed into an app keeps working."""
    if not allowed():
        raise NotInDevelopment
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name=DEVICE_NAME, defaults={"confirmed": True}
    )
    return device


def key_of(device: TOTPDevice) -> str:
    """The key as an authenticator app takes it (base32)."""
    return b32encode(device.bin_key).decode()


def current_code(email: str, domain: str) -> str:
    """The code the demo device of `email` shows now. Only a demo address (of `domain`) with
    a demo device: never a real person's code."""
    if not allowed():
        raise NotInDevelopment
    if not email.lower().endswith(f"@{domain}"):
        raise TOTPDevice.DoesNotExist
    device = TOTPDevice.objects.get(user__email__iexact=email, name=DEVICE_NAME, confirmed=True)
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{totp.token():0{device.digits}d}"
