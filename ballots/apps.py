from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BallotsConfig(AppConfig):
    name = "ballots"
    verbose_name = _("Ballots")

    def ready(self) -> None:
        from ballots import jobs, stages, todo  # noqa: F401  (jobs, stepper, 待办)
        from ballots.queries import live_ballot_id
        from proposals.registry import register_detail_field

        register_detail_field("ballot", live_ballot_id)
