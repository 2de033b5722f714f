"""Every write about outcomes. Views, the API, tasks and commands call these."""

from outcomes.actions.outcomes import (
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

__all__ = [
    "add_progress",
    "answer_objection",
    "complete",
    "finalize_due_outcomes",
    "finalize_if_due",
    "lodge_objection",
    "publish_outcome",
    "rate_outcome",
    "start_implementation",
]
