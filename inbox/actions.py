"""Writes about a person's own notifications: reading them and choosing channels."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.errors import NotFound
from inbox.models import Notification, Preference


def mark_read(user: Any, notification_id: int) -> Notification:
    """Mark one of the user's notifications read; someone else's is "not found"."""
    item = Notification.objects.filter(pk=notification_id, user=user).first()
    if item is None:
        raise NotFound(_("This notification does not exist."))
    if item.read_at is None:
        item.read_at = timezone.now()
        item.save(update_fields=["read_at"])
    return item


def mark_all_read(user: Any) -> int:
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    return unread.update(read_at=timezone.now())


def set_preferences(user: Any, *, in_app: bool, email: bool, sms: bool) -> Preference:
    with transaction.atomic():
        preference, _created = Preference.objects.select_for_update().get_or_create(user=user)
        preference.in_app, preference.email, preference.sms = in_app, email, sms
        preference.save(update_fields=["in_app", "email", "sms"])
        audit.record(
            user, "notifications.preferences", preference, in_app=in_app, email=email, sms=sms
        )
    return preference
