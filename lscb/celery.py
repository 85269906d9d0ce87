"""The Celery app. Schedules live in the database (django-celery-beat, editable in the
admin); the defaults are created by `board.schedules` so they are in one place."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb.settings")

# Each task run starts with no board scope and opens its own (board/scoping.py).
app = Celery("lscb", task_cls="board.scoping:ScopedTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
