"""The Celery app. Eager (inline) in the embedded default, Redis-backed with REDIS_URL.

Beat's schedule is not written here: it is every job in core.scheduler's registry, each sent
as `core.run_job(name)` on its period.
"""

import os
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("youshi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _schedule_registered_jobs(sender: Celery, **kwargs: Any) -> None:
    from core import scheduler

    sender.conf.beat_schedule = scheduler.beat_schedule()
