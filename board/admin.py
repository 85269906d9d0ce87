from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import models
from .models import Agency, Board, RoleAssignment, User
from .services.membership import membership_sync_access


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "local_authority", "slug"]
    search_fields = ["name", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoleAssignmentInline]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "board", "sector", "is_statutory_partner"]
    list_filter = ["board", "sector", "is_statutory_partner"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff", "is_host_admin"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Personal details", {"fields": ["full_name"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "is_host_admin"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]
    inlines = [RoleAssignmentInline]


# The board's records: a fallback for the pages in the service.
@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "board", "email", "user"]
    list_filter = ["board"]
    search_fields = ["full_name", "email"]
    raw_id_fields = ["user"]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "board", "board_role", "agency", "start_date", "end_date"]
    list_filter = ["board", "board_role"]
    search_fields = ["person__full_name", "agency__name"]
    filter_horizontal = ["appointment_agreed_by"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        membership_sync_access(membership=obj)  # membership and access are one thing


@admin.register(models.RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "board", "role", "source"]
    list_filter = ["board", "role"]


class AgendaItemInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0
    exclude = ["board"]


class AttendanceInline(admin.TabularInline):
    model = models.Attendance
    extra = 0
    exclude = ["board"]
    raw_id_fields = ["membership"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "board", "title"]
    list_filter = ["board", "kind"]
    inlines = [AgendaItemInline, AttendanceInline]


@admin.register(models.Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "board", "original_name", "size"]
    list_filter = ["board"]


class ActionUpdateInline(admin.TabularInline):
    model = models.ActionUpdate
    extra = 0
    exclude = ["board"]


@admin.register(models.Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["description", "board", "source_type", "status", "due_date"]
    list_filter = ["board", "status", "source_type"]
    search_fields = ["description"]
    inlines = [ActionUpdateInline]


@admin.register(models.Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "year", "board"]
    list_filter = ["board", "year"]


@admin.register(models.Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["__str__", "board"]
    list_filter = ["board"]


@admin.register(models.Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["raised_on", "agency", "board", "closed_on"]
    list_filter = ["board"]


@admin.register(models.ExpenditureLine)
class ExpenditureLineAdmin(admin.ModelAdmin):
    list_display = ["year", "heading", "item", "budget", "outturn", "board"]
    list_filter = ["board", "year"]


@admin.register(models.IncomeLine)
class IncomeLineAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "kind", "budget", "actual", "board"]
    list_filter = ["board", "year", "kind"]


@admin.register(models.Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "level", "delivery", "board"]
    list_filter = ["board", "level", "delivery"]


@admin.register(models.TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ["course", "date", "place", "board"]
    list_filter = ["board"]


# django-otp's own admin shows each authenticator's secret key and its QR code: anyone
# with admin access could copy a colleague's codes. Ours shows who has an app set up and
# lets an administrator remove a lost one (its owner then sets up a new one at their next
# sign-in); a key is only ever shown to its owner, on the set-up page.
admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__email", "user__full_name"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at", "throttling_failure_count"]
    readonly_fields = ["user", "created_at", "last_used_at", "throttling_failure_count"]

    def has_add_permission(self, request) -> bool:
        return False
