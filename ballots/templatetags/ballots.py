"""{% ballot_panel proposal %}: the ballot box on the proposal page."""

from typing import Any

from django import template

from ballots import queries
from ballots.permissions import may_open_ballot

register = template.Library()


@register.inclusion_tag("ballots/_proposal_panel.html", takes_context=True)
def ballot_panel(context: dict[str, Any], proposal: Any) -> dict[str, Any]:
    user = context["request"].user
    ballot = queries.live_ballot(proposal)
    return {
        "proposal": proposal,
        "ballot": ballot,
        "may_open": ballot is None and may_open_ballot(user, proposal),
    }
