"""Helpers for section types whose sources other engineers are still building: a source
is used only when its model exists and its table has been migrated."""

from functools import cache

from django.apps import apps
from django.db import connection


@cache
def _tables() -> frozenset[str]:
    return frozenset(connection.introspection.table_names())


def model(app_label: str, name: str):
    """The model, or None when it is not in this installation (not written or not migrated)."""
    try:
        found = apps.get_model(app_label, name)
    except LookupError:
        return None
    if found._meta.db_table not in _tables():
        _tables.cache_clear()  # migrated since we last looked?
        if found._meta.db_table not in _tables():
            return None
    return found


def function(module_name: str, name: str):
    """A function of another app's module, or None when that module is not there yet."""
    from importlib import import_module

    try:
        return getattr(import_module(module_name), name)
    except (ImportError, AttributeError):
        return None
