from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    # The label stays "consult" so tables, migrations and content types keep their names.
    name = "proposals"
    label = "consult"
    verbose_name = _("Consultation")

    def ready(self) -> None:
        from proposals import (  # noqa: F401  (renderers, setup steps, stepper, 待办)
            notifications,
            setup,
            stepper,
            todo,
        )
