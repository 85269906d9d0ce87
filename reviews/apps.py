from django.apps import AppConfig


class ReviewsHistoryConfig(AppConfig):
    """The migrations that made the reviews tables before they were split into
    child_deaths, case_reviews and assurance. It has no models, views or URLs: a database
    made before the split carries these migrations in its history, so they stay."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"
    label = "reviews"
    verbose_name = "Reviews (migration history)"
