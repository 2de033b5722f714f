"""Celery beat: open, close and tally ballots on time. Each is idempotent."""

from celery import shared_task

from ballots import actions


@shared_task(name="ballots.open_due")
def open_due_ballots() -> int:
    return actions.open_due_ballots()


@shared_task(name="ballots.close_due")
def close_due_ballots() -> int:
    return actions.close_due_ballots()
