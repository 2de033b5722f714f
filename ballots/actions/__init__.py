"""Every write about ballots. Views, the API, tasks and commands call these."""

from ballots.actions.ballots import (
    ballot_defaults,
    cancel_ballot,
    cast_vote,
    close_ballot,
    close_due_ballots,
    create_ballot,
    open_due_ballots,
    set_ballot_defaults,
)
from ballots.actions.paper import record_paper_tally

__all__ = [
    "ballot_defaults",
    "cancel_ballot",
    "cast_vote",
    "close_ballot",
    "close_due_ballots",
    "create_ballot",
    "open_due_ballots",
    "record_paper_tally",
    "set_ballot_defaults",
]
