"""Celery beat: make outcomes final once their publicity period ends. Idempotent."""

from celery import shared_task

from outcomes import actions


@shared_task(name="outcomes.finalize_due")
def finalize_due_outcomes() -> int:
    return actions.finalize_due_outcomes()
