"""How the lockout (django-axes) names the account being tried."""

from django.http import HttpRequest


def username_for_lockout(request: HttpRequest, credentials: dict | None) -> str:
    """The e-mail address being tried, folded to lower case so that changing the case of
    the letters does not buy an attacker more attempts. Django passes it to the backends
    as `email` (the user model's USERNAME_FIELD); the sign-in form posts it as `username`."""
    for source in (credentials or {}, request.POST):
        value = source.get("email") or source.get("username")
        if value:
            return str(value).strip().lower()
    return ""
