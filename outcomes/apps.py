from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Outcomes")

    def ready(self) -> None:
        from outcomes import jobs, notices, stages, todo  # noqa: F401  (jobs, renderers, stepper, 待办)
        from outcomes.queries import outcome_id
        from proposals.registry import register_detail_field

        register_detail_field("outcome", outcome_id)
