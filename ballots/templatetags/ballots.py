"""{% ballot_panel proposal %}: the ballot and outcome box on the proposal page."""

from typing import Any

from django import template

from ballots import queries
from ballots.permissions import may_open_ballot, may_publish_outcome

register = template.Library()


@register.inclusion_tag("ballots/_proposal_panel.html", takes_context=True)
def ballot_panel(context: dict[str, Any], proposal: Any) -> dict[str, Any]:
    user = context["request"].user
    ballot, outcome = queries.for_proposal(proposal)
    return {
        "proposal": proposal,
        "ballot": ballot,
        "outcome": outcome,
        "may_open": ballot is None and may_open_ballot(user, proposal),
        "may_publish": outcome is None
        and may_publish_outcome(user, proposal)
        and (ballot is None or ballot.state == "closed"),
    }
