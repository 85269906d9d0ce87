from django.contrib import admin

from .models import SubGroup


@admin.register(SubGroup)
class SubGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "board", "parent"]
    list_filter = ["board"]
    search_fields = ["name"]
