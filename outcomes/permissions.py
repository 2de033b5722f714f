"""Named predicates about outcomes (no query beyond the user's cached roles)."""

from typing import Any

from accounts.permissions import may_moderate, may_participate
from outcomes.models import Outcome
from proposals.models import Proposal, State
from proposals.permissions import is_signed_in


def may_publish_outcome(user: Any, proposal: Proposal) -> bool:
    """After a vote closed (decided), or for an accepted matter that needs no vote."""
    return proposal.state in {State.DECIDED, State.DELIBERATING} and may_moderate(
        user, proposal.region
    )


def may_manage_outcome(user: Any, outcome: Outcome) -> bool:
    """Answer objections, post progress, move to implementing/completed."""
    return may_moderate(user, outcome.proposal.region)


def may_object(user: Any, outcome: Outcome) -> bool:
    return (
        is_signed_in(user)
        and outcome.in_publicity_period()
        and may_participate(user, outcome.proposal.region)
    )


def may_rate(user: Any, outcome: Outcome) -> bool:
    return (
        is_signed_in(user)
        and outcome.proposal.state == State.COMPLETED
        and may_participate(user, outcome.proposal.region)
    )
