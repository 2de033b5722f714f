"""The Celery app. Eager (inline) in the embedded default, Redis-backed with REDIS_URL."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("youshi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
