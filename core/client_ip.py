"""Which computer a request comes from, for the sign-in lockout, rate limits and the
audit trail: one answer everywhere.

Without a proxy in front (BEHIND_TLS_PROXY off) that is the connecting address; an
`X-Forwarded-For` header is then anyone's to write, so it is ignored. Behind the load
balancer every request connects from the balancer, which appends the address it saw to
`X-Forwarded-For`: the last entry is the one the trusted proxy wrote, and any entries
before it came from the browser and prove nothing."""

from ipaddress import ip_address

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    if getattr(settings, "BEHIND_TLS_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        reported = _valid(forwarded.rsplit(",", 1)[-1]) if forwarded else None
        if reported:
            return reported
    return _valid(request.META.get("REMOTE_ADDR", ""))


class ClientAddressAuditlogMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware, recording the address above: its own takes the first
    `X-Forwarded-For` entry, which a browser can forge, and a malformed one made the
    database refuse the entry (an error page on a failed sign-in)."""

    @staticmethod
    def _get_remote_addr(request: HttpRequest) -> str | None:
        if settings.AUDITLOG_DISABLE_REMOTE_ADDR:
            return None
        return client_ip(request)
