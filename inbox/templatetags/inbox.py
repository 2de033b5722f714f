from typing import Any

from django import template

from inbox.models import Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_count(context: Any) -> int:
    """One small query per page for signed-in people, none for visitors."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
