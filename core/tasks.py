from typing import Any

from celery import shared_task

from core import scheduler


@shared_task(name="core.run_job")
def run_job(name: str) -> Any:
    """Celery beat's side of the scheduler registry: run one registered job by name."""
    return scheduler.run_job(name)
