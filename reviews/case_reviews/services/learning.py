"""Writes for lessons, themes, dissemination and the review's documents."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from board.files import CheckedUpload, save_with_file
from board.models import Agency, Board, User

from ..models import CaseReview, Dissemination, Lesson, ReviewDocument, Theme


@transaction.atomic
def themes_update(*, board: Board, names: list[str]) -> None:
    """The board's theme vocabulary: new names added, missing ones retired (kept on the
    lessons that have them), returning ones reactivated."""
    wanted = {name.strip(): None for name in names if name.strip()}
    existing = {theme.name: theme for theme in Theme.objects.filter(board=board)}
    for name in wanted:
        theme = existing.get(name) or Theme(board=board, name=name)
        theme.is_active = True
        theme.full_clean()
        theme.save()
    for name, theme in existing.items():
        if name not in wanted and theme.is_active:
            theme.is_active = False
            theme.save(update_fields=["is_active", "updated_at"])


def _check_themes(board_id, themes: list[Theme]) -> None:
    if not themes:
        raise ValidationError({"themes": "Choose at least one theme."})
    if any(theme.board_id != board_id for theme in themes):
        raise ValidationError({"themes": "Choose themes of this board."})


@transaction.atomic
def lesson_add(*, review: CaseReview, text: str, themes: list[Theme]) -> Lesson:
    lesson = Lesson(board=review.board, review=review)
    return lesson_update(lesson=lesson, text=text, themes=themes)


@transaction.atomic
def lesson_update(*, lesson: Lesson, text: str, themes: list[Theme]) -> Lesson:
    _check_themes(lesson.board_id, themes)
    lesson.text = text
    lesson.full_clean()
    lesson.save()
    lesson.themes.set(themes)
    return lesson


@transaction.atomic
def lesson_delete(*, lesson: Lesson) -> None:
    lesson.delete()  # its themes stay: they are the board's vocabulary


def _check_reviews(board_id, reviews: list[CaseReview]) -> None:
    if not reviews:
        raise ValidationError({"reviews": "Choose the reviews whose learning this shared."})
    if any(review.board_id != board_id for review in reviews):
        raise ValidationError({"reviews": "Choose reviews of this board."})


@transaction.atomic
def dissemination_add(*, board: Board, **fields) -> Dissemination:
    return dissemination_update(record=Dissemination(board=board), **fields)


@transaction.atomic
def dissemination_update(
    *,
    record: Dissemination,
    kind: str,
    title: str,
    held_on: date,
    reviews: list[CaseReview],
    reached: int | None = None,
) -> Dissemination:
    _check_reviews(record.board_id, reviews)
    record.kind, record.title, record.held_on, record.reached = kind, title, held_on, reached
    record.full_clean()
    record.save()
    record.reviews.set(reviews)
    return record


@transaction.atomic
def dissemination_delete(*, record: Dissemination) -> None:
    record.delete()  # the reviews stay; only the record of sharing their learning goes


@transaction.atomic
def document_upload(
    *,
    review: CaseReview,
    kind: str,
    title: str,
    upload: CheckedUpload,
    uploaded_by: User,
    agency: Agency | None = None,
    is_published: bool = False,
) -> ReviewDocument:
    """Store a checked upload (board.files: type by content, size); a rejected record
    leaves no file behind."""
    document = ReviewDocument(
        board=review.board,
        review=review,
        kind=kind,
        agency=agency,
        title=title,
        is_published=is_published,
        original_name=upload.filename,
        content_type=upload.type.content_type,
        size=upload.size,
        uploaded_by=uploaded_by,
    )
    document.full_clean(exclude=["file"])
    return save_with_file(document, upload)
