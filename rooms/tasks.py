"""Celery beat jobs for rooms. Each is idempotent: running it twice changes nothing more."""

from celery import shared_task

from rooms import actions, presence


@shared_task(name="rooms.tick_sessions")
def tick_sessions() -> dict[str, list[int]]:
    """Start sessions whose time has come and end those whose time is up."""
    return {"started": actions.start_due_sessions(), "ended": actions.end_due_sessions()}


@shared_task(name="rooms.sweep_presence")
def sweep_presence() -> int:
    """Forget sockets of processes that died without saying goodbye."""
    return presence.sweep()
