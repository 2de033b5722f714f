from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "inbox"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from core import notify
        from inbox.tasks import deliver_notification

        def dispatch(event: str, user_id: int, data: dict[str, Any], key: str) -> None:
            deliver_notification.delay(event, user_id, data, key)

        notify.set_dispatcher(dispatch)
