"""The scheduler registry: one list of jobs for Celery beat and for the in-process runner."""

import pytest

from core import scheduler


@pytest.fixture
def registry(monkeypatch):
    jobs: dict[str, scheduler.Job] = {}
    monkeypatch.setattr(scheduler, "_jobs", jobs)
    return jobs


def test_every_app_registers_its_time_driven_steps():
    names = {job.name for job in scheduler.jobs()}
    assert {
        "ballots.open_due",
        "ballots.close_due",
        "outcomes.finalize_due",
        "rooms.tick_sessions",
        "rooms.sweep_presence",
    } <= names


def test_beat_sends_each_job_by_name_on_its_period(registry):
    scheduler.job("a.b", every=30)(lambda: 1)
    assert scheduler.beat_schedule() == {
        "a.b": {"task": "core.run_job", "schedule": 30.0, "args": ("a.b",)}
    }


def test_the_celery_task_runs_the_registered_job(registry):
    from core.tasks import run_job

    scheduler.job("a.b", every=30)(lambda: 42)
    assert run_job.apply(args=("a.b",)).get() == 42


def test_the_in_process_runner_runs_a_job_once_per_period(registry):
    calls: list[int] = []
    scheduler.job("a.b", every=10)(lambda: calls.append(1))
    scheduler.run_due(now=100.0)
    scheduler.run_due(now=105.0)
    assert len(calls) == 1
    scheduler.run_due(now=110.0)
    assert len(calls) == 2


def test_a_failing_job_does_not_stop_the_others(registry):
    def broken() -> None:
        raise RuntimeError("down")

    scheduler.job("a.broken", every=10)(broken)
    scheduler.job("b.fine", every=10)(lambda: "ok")
    assert scheduler.run_due(now=100.0) == {"b.fine": "ok"}


def test_a_period_must_be_positive():
    with pytest.raises(ValueError):
        scheduler.job("a.b", every=0)
