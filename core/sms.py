"""One door for text messages. SMS_BACKEND names the class that delivers them.

The default backend writes to the log (for development and `make run`); tests use
the in-memory outbox; a real provider is a class with the same `send` method,
named in the SMS_BACKEND setting. Every message passes a daily budget, per number
and for the whole site, kept in the cache.
"""

import logging
from typing import Protocol

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger("youshi.sms")

# Messages "sent" by LocmemSmsBackend, newest last (like django.core.mail.outbox).
outbox: list[tuple[str, str]] = []

DAY = 24 * 60 * 60


class SmsBackend(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class ConsoleSmsBackend:
    def send(self, phone: str, text: str) -> None:
        # The "youshi" logger prints to the console, so `make run` shows codes.
        logger.info("SMS to %s: %s", phone, text)


class LocmemSmsBackend:
    def send(self, phone: str, text: str) -> None:
        outbox.append((phone, text))


def _count(key: str) -> int:
    cache.add(key, 0, DAY)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, DAY)
        return 1


def within_budget(phone: str) -> bool:
    today = timezone.localdate().isoformat()
    if _count(f"sms:{today}:{phone}") > settings.SMS_DAILY_LIMIT_PER_NUMBER:
        return False
    return _count(f"sms:{today}:all") <= settings.SMS_DAILY_LIMIT


def send_sms(phone: str, text: str) -> bool:
    """Send one text; returns False (and logs) when today's budget is spent."""
    if not within_budget(phone):
        logger.warning("SMS budget spent; not sending to %s", phone)
        return False
    backend: SmsBackend = import_string(settings.SMS_BACKEND)()
    backend.send(phone, text)
    return True
