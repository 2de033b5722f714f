from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BallotsConfig(AppConfig):
    name = "ballots"
    label = "ballots"
    verbose_name = _("Ballots and outcomes")

    def ready(self) -> None:
        from ballots import notices  # noqa: F401  (registers renderers)
