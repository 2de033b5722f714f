"""Notifications: actions call notify_on_commit(); a Celery task delivers after commit.

Each event kind has a renderer that turns (recipient, data) into a Message (or a
plain string, or None for "nothing to say"). Delivery — in-app, email, SMS, by the
recipient's preferences, each at most once — lives in the inbox app.

    @renderer("proposal_state_changed")
    def render(user, data) -> Message | None: ...

    notify_on_commit("proposal_state_changed", user.pk, proposal_id=7, entry_id=42)
"""

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import translation


@dataclass(frozen=True)
class Message:
    text: str  # one or two sentences: the SMS, the in-app line, the email body
    url: str = ""  # a path on this site (never an outside address)
    subject: str = ""  # the email subject; defaults to the start of `text`


Renderer = Callable[[Any, dict[str, Any]], "str | Message | None"]
RENDERERS: dict[str, Renderer] = {}


def renderer(event: str) -> Callable[[Renderer], Renderer]:
    def register(func: Renderer) -> Renderer:
        RENDERERS[event] = func
        return func

    return register


def notify_on_commit(event: str, user_id: int, **data: Any) -> None:
    """Schedule a notification; nothing is sent if the surrounding transaction rolls back.

    The key is fixed now, so a task that is delivered twice sends once.
    """
    from core.tasks import deliver_notification

    key = uuid.uuid4().hex
    transaction.on_commit(lambda: deliver_notification.delay(event, user_id, data, key))


def fallback_key(event: str, user_id: int, data: dict[str, Any]) -> str:
    raw = json.dumps([event, user_id, data], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:64]


def deliver(event: str, user_id: int, data: dict[str, Any], key: str = "") -> bool:
    """Render and send one notification. Returns False when nothing was sent by this call."""
    from accounts.models import User
    from inbox.delivery import deliver_message

    user = User.objects.filter(pk=user_id, is_active=True).first()
    render = RENDERERS.get(event)
    if user is None or render is None:
        return False
    with translation.override("zh-hans"):
        rendered = render(user, data)
    if not rendered:
        return False
    message = Message(rendered) if isinstance(rendered, str) else rendered
    return bool(deliver_message(user, event, key or fallback_key(event, user_id, data), message))
