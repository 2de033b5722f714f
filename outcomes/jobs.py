"""Time-driven outcome steps, registered with core.scheduler. Each is idempotent."""

from core import scheduler
from outcomes import actions


@scheduler.job("outcomes.finalize_due", every=60)
def finalize_due_outcomes() -> int:
    return actions.finalize_due_outcomes()
