"""Rendering and delivering one notification: the inbox's side of core.notify."""

import hashlib
import json
from typing import Any

from django.utils import translation

from accounts.models import User
from core.notify import RENDERERS, Message
from inbox.delivery import deliver_message


def fallback_key(event: str, user_id: int, data: dict[str, Any]) -> str:
    raw = json.dumps([event, user_id, data], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:64]


def deliver(event: str, user_id: int, data: dict[str, Any], key: str = "") -> bool:
    """Render and send one notification. Returns False when nothing was sent by this call."""
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
