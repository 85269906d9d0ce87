"""Section types of the annual report: one module per type (see registry.py).

To add a type: write `reports/sections/<key>.py` that calls `registry.register(...)` and
`reports/templates/reports/sections/<key>.html`; it is loaded from here by name."""

from importlib import import_module
from pkgutil import iter_modules

_loaded = False


def load_all() -> None:
    global _loaded
    if _loaded:
        return
    for module in iter_modules(__path__):
        if module.name != "registry":
            import_module(f"{__name__}.{module.name}")
    _loaded = True
