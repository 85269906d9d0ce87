"""Which installed apps are this project's own (not Django's or a library's): those whose
code lives in the repository, outside the Python installation (a virtualenv inside the
repository included). Lets `board` reach the apps built on it without naming them."""

import sys
from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings


def our_app_configs() -> list[AppConfig]:
    """Our apps, in the order of INSTALLED_APPS."""
    installation = Path(sys.prefix).resolve()
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(Path(settings.BASE_DIR).resolve())
        and not Path(config.path).resolve().is_relative_to(installation)
    ]
