from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "datasets"
    verbose_name = "Datasets and dashboards"

    def ready(self) -> None:
        from board import audit_tracking, navigation
        from board.models import ALL_ROLES

        from .models import CatalogueImport, ImportBatch, Snapshot

        # Snapshots are computed (rebuilt when their figures change): auditing them would
        # only repeat the observations' own history. An import's rows are kept out of its entry.
        audit_tracking.exclude(Snapshot, reason="rebuilt from the observations, which are tracked")
        audit_tracking.track(ImportBatch, exclude_fields=("rows",))
        audit_tracking.track(CatalogueImport, exclude_fields=("rows",))
        from . import search

        search.register()
        navigation.register(
            "Performance",
            "datasets:dashboard",
            ALL_ROLES,
            order=40,
            section="data",
            description="The quarterly performance dataset, its dashboard and imports.",
        )
