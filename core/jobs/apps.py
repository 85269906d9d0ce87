from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Durable background jobs (the outbox). An app of its own inside `core`, because
    `core` keeps no models and this plumbing needs one table; like the rest of `core` it
    imports none of our apps."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core.jobs"
    label = "jobs"
    verbose_name = "Background jobs"
