"""In-app notifications, each person's channel choices, and a ledger of what was sent.

The ledger (Delivery) makes delivery idempotent: a task that is retried finds its
row already marked sent and sends nothing again.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    IN_APP = "in_app", _("on this site")
    EMAIL = "email", _("email")
    SMS = "sms", _("text message")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=64, unique=True)
    event = models.CharField(max_length=64)
    text = models.CharField(_("text"), max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(_("time"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.text


class Preference(models.Model):
    """Which channels a person wants. No row means the defaults below."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    in_app = models.BooleanField(_("on this site"), default=True)
    email = models.BooleanField(_("by email"), default=True)
    sms = models.BooleanField(_("by text message"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id}"

    def wants(self, channel: str) -> bool:
        return bool(getattr(self, channel))


class Delivery(models.Model):
    key = models.CharField(max_length=64)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=64)
    sent_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["key", "channel"], name="one_delivery_per_channel")
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.user_id} ({self.channel})"
