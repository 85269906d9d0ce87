"""Saving and deleting the simple board records that have no rules beyond the model's."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError


@transaction.atomic
def record_save(*, instance: models.Model) -> models.Model:
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def record_delete(*, instance: models.Model) -> None:
    try:
        instance.delete()
    except ProtectedError as exc:
        used_by = sorted({obj._meta.verbose_name for obj in exc.protected_objects})
        raise ValidationError(
            f"This {instance._meta.verbose_name} cannot be deleted: it is used by "
            f"{', '.join(used_by)} records."
        ) from None
