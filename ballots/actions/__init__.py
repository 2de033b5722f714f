"""Every write about ballots and outcomes. Views, the API, tasks and commands call these."""

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
from ballots.actions.outcomes import (
    add_progress,
    answer_objection,
    complete,
    finalize_due_outcomes,
    finalize_if_due,
    lodge_objection,
    publish_outcome,
    rate_outcome,
    start_implementation,
)
from ballots.actions.paper import record_paper_tally

__all__ = [
    "add_progress",
    "answer_objection",
    "ballot_defaults",
    "cancel_ballot",
    "cast_vote",
    "close_ballot",
    "close_due_ballots",
    "complete",
    "create_ballot",
    "finalize_due_outcomes",
    "finalize_if_due",
    "lodge_objection",
    "open_due_ballots",
    "publish_outcome",
    "rate_outcome",
    "record_paper_tally",
    "set_ballot_defaults",
    "start_implementation",
]
