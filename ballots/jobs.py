"""Time-driven ballot steps, registered with core.scheduler. Each is idempotent."""

from ballots import actions
from core import scheduler


@scheduler.job("ballots.open_due", every=15)
def open_due_ballots() -> int:
    return actions.open_due_ballots()


@scheduler.job("ballots.close_due", every=15)
def close_due_ballots() -> int:
    return actions.close_due_ballots()
