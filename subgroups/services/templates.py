"""Changes to a sub-group's return template. Returns not yet submitted use the template as
it is when they are opened; submitted ones keep their own copy."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ..models import SubGroup, TemplateIndicator, TemplateQuestion


@transaction.atomic
def question_save(
    *, subgroup: SubGroup, text: str, hint: str = "", order: int = 0, question=None
) -> TemplateQuestion:
    question = question or TemplateQuestion(board=subgroup.board, subgroup=subgroup)
    question.text, question.hint, question.order = text, hint, order
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_delete(*, question: TemplateQuestion) -> None:
    question.delete()


@transaction.atomic
def template_indicator_save(
    *, subgroup: SubGroup, indicator, min_value=None, max_value=None, order: int = 0
) -> TemplateIndicator:
    row = TemplateIndicator.objects.filter(subgroup=subgroup, indicator=indicator).first()
    row = row or TemplateIndicator(board=subgroup.board, subgroup=subgroup, indicator=indicator)
    row.min_value, row.max_value, row.order = min_value, max_value, order
    row.full_clean()
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise ValidationError({"indicator": "The template already has this indicator."}) from None
    return row


@transaction.atomic
def template_indicator_remove(*, row: TemplateIndicator) -> None:
    row.delete()
