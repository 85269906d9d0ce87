"""Asking for a password reset link, limited so that the form cannot flood someone's
inbox or be used to try address after address from one computer."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import render

from core.client_ip import client_ip
from core.rate_limit import allow, cache_key

from ..forms import PasswordResetForm

HOUR = 60 * 60


class LimitedPasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm

    def form_valid(self, form) -> HttpResponse:
        # Both counts go up on every request, for addresses with and without an account,
        # so the answer past the limit says nothing about which addresses exist.
        limit = settings.PASSWORD_RESET_LIMIT_PER_HOUR
        email = form.cleaned_data["email"].strip().lower()
        keys = [
            cache_key("password-reset-ip", client_ip(self.request) or "unknown"),
            cache_key("password-reset-email", email),
        ]
        allowed = [allow(key, limit=limit, window_seconds=HOUR) for key in keys]
        if not all(allowed):
            return render(self.request, "registration/password_reset_limited.html", status=429)
        return super().form_valid(form)
