"""The audit trail in the Django admin: superusers only, and the same visibility rule as
the board's audit log page (board/record_visibility.py), so a superuser who does not sit
on a board's CDOP panel does not read its child death cases here either.

django-auditlog registers its own admin for the log entry model; ours replaces it. Its
search named `first_name`/`last_name`, which our User model does not have (a 500)."""

from auditlog.admin import LogEntryAdmin
from django.contrib import admin

from .models import AuditEntry
from .record_visibility import visible_entries


class AuditEntryAdmin(LogEntryAdmin):
    search_fields = ["object_repr", "actor__full_name", "actor__email", "actor_email"]

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def get_queryset(self, request):
        return visible_entries(super().get_queryset(request), user=request.user)


def register(site: admin.AdminSite = admin.site) -> None:
    if site.is_registered(AuditEntry):
        site.unregister(AuditEntry)
    site.register(AuditEntry, AuditEntryAdmin)
