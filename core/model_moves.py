"""Moving models from one app to another without copying a row (Django's recipe: the old
app forgets them in its state, the new app adopts them in its state, the tables stay).

What a plain state move would lose, these operations carry over: each model's content
type, so its audit entries and permissions follow it (they point at the content type,
which would otherwise be made again, empty, for the new app), and the table, renamed to
the new app's name in a later migration of the new app."""

from django.db import migrations


def adopt_in_state(operations: list, *, old_label: str) -> migrations.SeparateDatabaseAndState:
    """The new app's CreateModel operations, for its state only: each model keeps its old
    table (`<old_label>_<model>`) until a later migration renames it."""
    for operation in operations:
        if isinstance(operation, migrations.CreateModel):
            operation.options["db_table"] = f"{old_label}_{operation.name.lower()}"
    return migrations.SeparateDatabaseAndState(state_operations=operations)


def forget_in_state(operations: list) -> migrations.SeparateDatabaseAndState:
    """The old app's DeleteModel operations, for its state only: the tables are the new
    app's now."""
    return migrations.SeparateDatabaseAndState(state_operations=operations)


def move_content_types(
    *, old_label: str, new_label: str, models: list[str]
) -> migrations.RunPython:
    """Give the moved models' content types (and so their audit entries and permissions)
    to the new app. On a new database there are none yet: post_migrate makes them."""

    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        names = [name.lower() for name in models]
        ContentType.objects.using(schema_editor.connection.alias).filter(
            app_label=old_label, model__in=names
        ).update(app_label=new_label)

    def backwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        names = [name.lower() for name in models]
        ContentType.objects.using(schema_editor.connection.alias).filter(
            app_label=new_label, model__in=names
        ).update(app_label=old_label)

    return migrations.RunPython(forwards, backwards)


def rename_periodic_tasks(renames: dict[str, str]) -> migrations.RunPython:
    """Point django-celery-beat's saved schedules at a task's new dotted name (a schedule
    names its task by string; an old name would fail silently at every run)."""

    def rename(apps, mapping):
        PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
        for old, new in mapping.items():
            PeriodicTask.objects.filter(task=old).update(task=new)

    def forwards(apps, schema_editor):
        rename(apps, renames)

    def backwards(apps, schema_editor):
        rename(apps, {new: old for old, new in renames.items()})

    return migrations.RunPython(forwards, backwards)
