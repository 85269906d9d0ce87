"""Two-factor sign-in with an authenticator app (TOTP, via django-otp).

Required for the roles that see the most sensitive records or run the board (board
managers, chairs, CDOP and SCR members), for the administrators of the Django admin
(staff and superusers, who need no board role), for host administrators, and for anyone
who has chosen to set it up. After
the password, such a person is held by `RequireTwoFactorMiddleware` until they enter a
code, or set up their app on their first sign-in."""

from base64 import b32encode
from io import BytesIO
from urllib.parse import urlencode

import segno
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from board.models import Role, User
from core.forms import FormHelper

PRIVILEGED_ROLES = frozenset(
    {
        Role.BOARD_MANAGER,
        Role.INDEPENDENT_CHAIR,
        Role.SUBGROUP_CHAIR,
        Role.CDOP_MEMBER,
        Role.SCR_MEMBER,
        Role.SCRUTINEER,
    }
)
# Pages a signed-in person may open before entering their code.
EXEMPT_URL_NAMES = frozenset({"two-factor", "two-factor-setup", "logout", "healthz"})


def requires_two_factor(user: User) -> bool:
    """Is the user an administrator, or (one query) do they hold a privileged role
    anywhere or have an app set up?"""
    if user.is_staff or user.is_superuser or user.is_host_admin:
        return True
    privileged_or_enrolled = Q(role_assignments__role__in=PRIVILEGED_ROLES) | Q(
        totpdevice__confirmed=True
    )
    return User.objects.filter(pk=user.pk).filter(privileged_or_enrolled).exists()


def is_exempt(request: HttpRequest) -> bool:
    if request.path_info.startswith(settings.STATIC_URL):
        return True
    try:
        return resolve(request.path_info).url_name in EXEMPT_URL_NAMES
    except Resolver404:
        return False


class RequireTwoFactorMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not is_exempt(request)
            and requires_two_factor(user)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('two-factor')}?{query}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, for example 123456",
        max_length=10,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, device: TOTPDevice, submit: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device
        self.helper = FormHelper()
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(Field.text("code", field_width=5), Submit("submit", submit))

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "").replace("-", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the code as 6 digits, for example 123456")
        # verify_token also slows down repeated wrong guesses (django-otp's throttling).
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                "The code is not correct. Enter the current code from your authenticator app"
            )
        return code


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("home")


def _confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if request.user.is_verified():
        return redirect(next_url)
    device = _confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('two-factor-setup')}?{urlencode({'next': next_url})}")
    form = CodeForm(request.POST or None, device=device, submit="Continue")
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url)
    return render(request, "two_factor/verify.html", {"form": form, "next": next_url})


def _qr_code_svg(device: TOTPDevice) -> str:
    buffer = BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=5, xmldecl=False, title="QR code for your authenticator app"
    )
    # Generated here from the device's own key: no user input reaches this markup.
    return mark_safe(buffer.getvalue().decode())  # noqa: S308


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if _confirmed_device(request.user) is not None:
        messages.info(request, "Two-factor sign-in is already set up for your account.")
        return redirect(reverse("two-factor") + "?" + urlencode({"next": next_url}))
    # The key is kept between showing the QR code and confirming the first code.
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = CodeForm(request.POST or None, device=device, submit="Confirm and continue")
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Two-factor sign-in is set up.")
        return redirect(next_url)
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": next_url,
        "qr_code": _qr_code_svg(device),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "required": requires_two_factor(request.user),
    }
    return render(request, "two_factor/setup.html", context)
