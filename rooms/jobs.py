"""Time-driven room steps, registered with core.scheduler. Each is idempotent."""

from core import scheduler
from rooms import actions, presence


@scheduler.job("rooms.tick_sessions", every=15)
def tick_sessions() -> dict[str, list[int]]:
    """Start sessions whose time has come and end those whose time is up."""
    return {"started": actions.start_due_sessions(), "ended": actions.end_due_sessions()}


@scheduler.job("rooms.sweep_presence", every=300)
def sweep_presence() -> int:
    """Forget sockets of processes that died without saying goodbye."""
    return presence.sweep()
