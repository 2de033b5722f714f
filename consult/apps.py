from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultConfig(AppConfig):
    name = "consult"
    verbose_name = _("Consultation")

    def ready(self) -> None:
        from consult import notifications  # noqa: F401  (registers renderers)
