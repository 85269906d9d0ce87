"""Where an action came from: the registry of action sources.

`board` keeps one action tracker for every app but knows none of the apps that build on
it: each registers its own sources in its AppConfig.ready(),

    action_sources.register("audit", "Audit", app_label=self.label, link=audit_page)

and `Action.source_type` stores the key. The field's choices are this registry (a
callable, so a new source changes no migration); `full_clean()` refuses a key that no
installed app registered. `link(source) -> url` gives the page of the record an action
came from, so the action's page can link back to it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class ActionSourceType:
    key: str
    label: str
    app_label: str
    link: Callable[[object], str] | None = None

    def url_of(self, source: object) -> str:
        return self.link(source) if self.link is not None and source is not None else ""


_sources: dict[str, ActionSourceType] = {}


def register(
    key: str, label: str, *, app_label: str, link: Callable[[object], str] | None = None
) -> str:
    """Register a source; returns its key. Registering one key twice differently is a
    mistake (two apps claiming one key), so it fails at start-up."""
    if len(key) > 30:
        raise ImproperlyConfigured(f"Action source key {key!r} is longer than 30 characters.")
    source = ActionSourceType(key, label, app_label, link)
    existing = _sources.get(key)
    if existing is not None and (existing.label, existing.app_label) != (
        source.label,
        source.app_label,
    ):
        raise ImproperlyConfigured(f"Action source {key!r} is registered twice.")
    _sources[key] = source
    return key


def unregister(key: str) -> None:
    _sources.pop(key, None)


def get(key: str) -> ActionSourceType | None:
    return _sources.get(key)


def choices() -> list[tuple[str, str]]:
    """The model field's choices: evaluated on every check, never frozen in a migration."""
    return [(source.key, source.label) for source in _sources.values()]
