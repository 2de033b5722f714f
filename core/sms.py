"""One door for text messages. SMS_BACKEND names the class that delivers them.

The default backend writes to the log (for development and `make run`); tests use
the in-memory outbox; a real provider is a class with the same `send` method,
named in the SMS_BACKEND setting.
"""

import logging
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("youshi.sms")

# Messages "sent" by LocmemSmsBackend, newest last (like django.core.mail.outbox).
outbox: list[tuple[str, str]] = []


class SmsBackend(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class ConsoleSmsBackend:
    def send(self, phone: str, text: str) -> None:
        # The "youshi" logger prints to the console, so `make run` shows codes.
        logger.info("SMS to %s: %s", phone, text)


class LocmemSmsBackend:
    def send(self, phone: str, text: str) -> None:
        outbox.append((phone, text))


def send_sms(phone: str, text: str) -> None:
    backend: SmsBackend = import_string(settings.SMS_BACKEND)()
    backend.send(phone, text)
