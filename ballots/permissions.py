"""Named predicates about ballots and outcomes (no query beyond the user's cached roles)."""

from typing import Any

from accounts.permissions import may_moderate, may_participate
from ballots.models import Ballot, BallotState, Outcome
from proposals.models import Proposal, State
from proposals.permissions import is_signed_in


def may_run_ballots(user: Any, proposal: Proposal) -> bool:
    """Open, cancel and record paper votes: the committee of the village, or staff above."""
    return may_moderate(user, proposal.region)


def may_open_ballot(user: Any, proposal: Proposal) -> bool:
    return proposal.state == State.DELIBERATING and may_run_ballots(user, proposal)


def may_record_paper(user: Any, ballot: Ballot) -> bool:
    return ballot.state == BallotState.OPEN and may_run_ballots(user, ballot.proposal)


def may_see_open_choices(user: Any, ballot: Ballot) -> bool:
    """Open ballots show who chose what to the village's residents (and its committee)."""
    region = ballot.proposal.region
    return not ballot.secret and (may_participate(user, region) or may_moderate(user, region))


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
