"""Sending one rendered notification over each channel the person wants, at most once."""

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from core.notify import Message
from core.sms import send_sms
from inbox.models import Channel, Delivery, Notification, Preference


def preference_for(user: Any) -> Preference:
    return Preference.objects.filter(user=user).first() or Preference(user=user)


def deliver_message(user: Any, event: str, key: str, message: Message) -> list[str]:
    """Deliver on every wanted channel; returns the channels used by *this* call."""
    preference = preference_for(user)
    used = []
    if preference.in_app and _in_app(user, event, key, message):
        used.append(Channel.IN_APP)
    if (
        preference.email
        and user.email
        and _once(user, event, key, Channel.EMAIL, lambda: _email(user, message))
    ):
        used.append(Channel.EMAIL)
    if (
        preference.sms
        and user.phone
        and _once(user, event, key, Channel.SMS, lambda: send_sms(user.phone, message.text))
    ):
        used.append(Channel.SMS)
    return [str(channel) for channel in used]


def _in_app(user: Any, event: str, key: str, message: Message) -> bool:
    _row, created = Notification.objects.get_or_create(
        key=key,
        defaults={
            "user": user,
            "event": event,
            "text": message.text[:500],
            "url": message.url[:300],
        },
    )
    return created


def _once(user: Any, event: str, key: str, channel: str, send: Any) -> bool:
    """Send unless the ledger says this key already went out on this channel.

    The row lock makes a concurrent duplicate task wait, then see `sent_at` and skip.
    If sending raises, the row rolls back with it and a retry may try again.
    """
    with transaction.atomic():
        row, _created = Delivery.objects.get_or_create(
            key=key, channel=channel, defaults={"user": user, "event": event}
        )
        row = Delivery.objects.select_for_update().get(pk=row.pk)
        if row.sent_at is not None:
            return False
        send()
        row.sent_at = timezone.now()
        row.save(update_fields=["sent_at"])
    return True


def _email(user: Any, message: Message) -> None:
    body = message.text
    if message.url:
        body += f"\n\n{settings.SITE_URL.rstrip('/')}{message.url}"
    send_mail(message.subject or message.text[:60], body, None, [user.email])
