"""The kinds of notification: a registry, as board/waiting.py is for the home page.

`board` knows none of the apps built on it, so each registers the hand-overs it tells
people about in its AppConfig.ready():

    notifications.register("return_submitted", "A quarterly return is waiting for your approval")

The sentence is the whole of what the e-mail says (with a link): it must name no child,
no case and nothing of the record's text, so it is the same for every record of its kind.
Sending a kind nobody registered fails (`notify` calls `title_of`), so a typo fails in
the first test that sends it, never as a silent e-mail with no subject."""

from django.core.exceptions import ImproperlyConfigured

_titles: dict[str, str] = {}


def register(key: str, title: str) -> None:
    """Register one kind; the same key with another sentence is a mistake."""
    existing = _titles.get(key)
    if existing is not None and existing != title:
        raise ImproperlyConfigured(f"Notification kind {key!r} is registered twice.")
    _titles[key] = title


def title_of(key: str) -> str:
    try:
        return _titles[key]
    except KeyError:
        raise ImproperlyConfigured(f"No notification kind {key!r} is registered.") from None


def kinds() -> dict[str, str]:
    return dict(_titles)
