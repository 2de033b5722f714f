"""Notifications: actions call notify_on_commit(); a Celery task delivers after commit.

Each event kind has a renderer that turns (recipient, data) into a short text.
Delivery goes through the SMS sender for people with a phone number.
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import translation

Renderer = Callable[[Any, dict[str, Any]], str | None]
RENDERERS: dict[str, Renderer] = {}


def renderer(event: str) -> Callable[[Renderer], Renderer]:
    def register(func: Renderer) -> Renderer:
        RENDERERS[event] = func
        return func

    return register


def notify_on_commit(event: str, user_id: int, **data: Any) -> None:
    """Schedule a notification; nothing is sent if the surrounding transaction rolls back."""
    from core.tasks import deliver_notification

    transaction.on_commit(lambda: deliver_notification.delay(event, user_id, data))


def deliver(event: str, user_id: int, data: dict[str, Any]) -> bool:
    """Render and send one notification. Returns False when there is nothing to send."""
    from accounts.models import User
    from core.sms import send_sms

    user = User.objects.filter(pk=user_id, is_active=True).first()
    render = RENDERERS.get(event)
    if user is None or render is None:
        return False
    with translation.override("zh-hans"):
        text = render(user, data)
    if not text or not user.phone:
        return False
    send_sms(user.phone, text)
    return True
