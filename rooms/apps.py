from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "rooms"
    label = "rooms"
    verbose_name = _("Deliberation rooms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rooms import jobs, signals  # noqa: F401  (registers jobs, connects receivers)
