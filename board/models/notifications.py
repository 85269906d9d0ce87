"""Notifications of hand-overs: one row per person told, shown on the board's
notifications page and e-mailed as the person chose (straight away, in a daily summary,
or not at all). A row holds the kind (board/notifications.py), a link and a short
`about` for the page; the e-mail carries only the kind's sentence and the link, never
the record's content."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from board.scoping import board_scoped_manager

from .base import BoardOwnedModel, TimestampedModel


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away, one e-mail for each"
    DIGEST = "digest", "Once a day, in one summary e-mail"
    OFF = "off", "Never: I will look at the notifications page"


class EmailState(models.TextChoices):
    NOT_SENT = "not_sent", "Not e-mailed"
    QUEUED = "queued", "Waiting to be sent"
    DIGEST = "digest", "Waiting for the daily summary"
    SENT = "sent", "E-mailed"


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(BoardOwnedModel):
    # A person with an account sees it on the page; an agency contact with no account
    # (a child death reporting form) is e-mailed at `address` only.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    address = models.EmailField(blank=True)
    kind = models.CharField(max_length=60)
    link = models.CharField(max_length=500, help_text="A path of the service.")
    about = models.CharField(
        max_length=200, blank=True, help_text="Shown on the page only, never e-mailed."
    )
    # Set by reminders sent once per stage: the same key never makes a second row.
    once_key = models.CharField(max_length=120, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(
        max_length=10, choices=EmailState.choices, default=EmailState.NOT_SENT
    )
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = board_scoped_manager(NotificationQuerySet)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["recipient", "board", "read_at"], name="notification_unread"),
            models.Index(fields=["email_state", "board"], name="notification_email_state"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(address=""),
                name="notification_has_a_recipient",
            ),
            models.UniqueConstraint(
                fields=["board", "recipient", "once_key"],
                condition=~Q(once_key="") & Q(recipient__isnull=False),
                name="notification_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["board", "address", "once_key"],
                condition=~Q(once_key="") & Q(recipient__isnull=True),
                name="notification_once_per_address",
            ),
        ]

    def __str__(self) -> str:
        return self.kind

    @property
    def title(self) -> str:
        from board import notifications

        return notifications.title_of(self.kind)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(TimestampedModel):
    """How one person wants to be e-mailed; with no row, straight away."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(
        max_length=10, choices=EmailChoice.choices, default=EmailChoice.IMMEDIATE
    )

    def __str__(self) -> str:
        return f"{self.user}: {self.get_email_display()}"
