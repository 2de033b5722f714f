from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BallotsConfig(AppConfig):
    name = "ballots"
    verbose_name = _("Ballots")

    def ready(self) -> None:
        from ballots import jobs  # noqa: F401  (registers the time-driven steps)
        from ballots.queries import live_ballot_id
        from proposals.registry import register_detail_field

        register_detail_field("ballot", live_ballot_id)
