from typing import Any

from celery import shared_task

from inbox import notify


@shared_task(name="inbox.deliver_notification")
def deliver_notification(event: str, user_id: int, data: dict[str, Any], key: str = "") -> bool:
    """Idempotent: the same key never goes out twice on a channel (see inbox.delivery)."""
    return notify.deliver(event, user_id, data, key)
