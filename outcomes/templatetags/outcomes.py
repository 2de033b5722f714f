"""{% outcome_panel proposal %}: the outcome box on the proposal page."""

from typing import Any

from django import template

from ballots.models import BallotState
from ballots.queries import live_ballot
from outcomes import queries
from outcomes.permissions import may_publish_outcome

register = template.Library()


@register.inclusion_tag("outcomes/_proposal_panel.html", takes_context=True)
def outcome_panel(context: dict[str, Any], proposal: Any) -> dict[str, Any]:
    user = context["request"].user
    outcome = queries.for_proposal(proposal)
    may_publish = outcome is None and may_publish_outcome(user, proposal)
    if may_publish:
        ballot = live_ballot(proposal)
        may_publish = ballot is None or ballot.state == BallotState.CLOSED
    return {"proposal": proposal, "outcome": outcome, "may_publish": may_publish}
