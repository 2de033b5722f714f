"""One registry for everything that happens because time passed.

Apps register idempotent jobs from their `jobs.py` (imported by AppConfig.ready):

    @scheduler.job("ballots.close_due", every=15)
    def close_due_ballots() -> int: ...

Two runners read the same registry:
- with REDIS_URL, Celery beat sends `core.run_job(name)` on each job's period
  (config.celery builds the beat schedule from here), and a worker runs it;
- otherwise (`make run`, the embedded default) an in-process thread started with the server
  (`start_in_process()`, called from config.asgi) runs due jobs itself.

Jobs must be idempotent and cheap when nothing is due: both runners may run a job late,
twice, or on two processes at once; the actions they call lock what they change.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import close_old_connections

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0


@dataclass
class Job:
    name: str
    func: Callable[[], Any]
    every: float  # seconds between runs
    last_run: float = field(default=0.0, compare=False)  # monotonic; in-process runner only


_jobs: dict[str, Job] = {}


def job(name: str, *, every: float) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Register `func` to run every `every` seconds under `name` (unique, stable)."""
    if every <= 0:
        raise ValueError("a job's period must be positive")

    def register(func: Callable[[], Any]) -> Callable[[], Any]:
        _jobs[name] = Job(name, func, float(every))
        return func

    return register


def jobs() -> list[Job]:
    return sorted(_jobs.values(), key=lambda j: j.name)


def run_job(name: str) -> Any:
    """Run one registered job now (the Celery task and tests call this). Unknown: KeyError."""
    return _jobs[name].func()


def run_due(now: float | None = None) -> dict[str, Any]:
    """Run every job whose period has passed since its last run here; errors are logged and
    the job is tried again on its next period. Returns {name: result} of the jobs run."""
    now = time.monotonic() if now is None else now
    results: dict[str, Any] = {}
    for each in jobs():
        if each.last_run and now - each.last_run < each.every:
            continue
        each.last_run = now
        try:
            results[each.name] = each.func()
        except Exception:
            log.exception("scheduled job %s failed", each.name)
    return results


def beat_schedule() -> dict[str, dict[str, Any]]:
    """Celery beat's schedule: one `core.run_job` entry per registered job."""
    return {
        each.name: {"task": "core.run_job", "schedule": each.every, "args": (each.name,)}
        for each in jobs()
    }


class InProcessScheduler(threading.Thread):
    """The embedded default's beat: a daemon thread in the server process."""

    def __init__(self, tick: float = TICK_SECONDS) -> None:
        super().__init__(name="scheduler", daemon=True)
        self.tick = tick
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            close_old_connections()  # this thread's own connection: drop it if it broke
            run_due()
            close_old_connections()
            self.stopped.wait(self.tick)

    def stop(self) -> None:
        self.stopped.set()


_runner: list[InProcessScheduler] = []
_runner_lock = threading.Lock()


def start_in_process() -> InProcessScheduler:
    """Start the in-process runner once per process (idempotent)."""
    with _runner_lock:
        if not _runner or not _runner[0].is_alive():
            _runner[:] = [InProcessScheduler()]
            _runner[0].start()
        return _runner[0]
