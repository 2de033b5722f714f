"""Named predicates about ballots (no query beyond the user's cached roles)."""

from typing import Any

from accounts.permissions import may_moderate, may_participate
from ballots.models import Ballot, BallotState
from proposals.models import Proposal, State


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
