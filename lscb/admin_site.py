"""The Django admin behind the service's own sign-in and two-factor sign-in.

A superuser made with `createsuperuser` holds no board role, yet the admin reaches every
account and record. So the admin has one way in, the service's: the sign-in page (with
its lockout), then `RequireTwoFactorMiddleware`, which treats every staff account as
privileged and sends it to set up an authenticator or enter a code before any page. The
site itself also refuses anyone not verified, should that middleware ever be bypassed.

django-otp's OTPAdminSite was not used: it asks for a code on its own sign-in form but
cannot enrol an authenticator, so the first administrator could never get in, and it is a
second sign-in page without the GOV.UK pages and lockout of the first."""

from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


class TwoFactorAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, reverse("login"))
        if self.has_permission(request):
            return redirect(next_url)
        # Signed in, but not staff: sending them to sign in again would go round in circles.
        raise PermissionDenied
