"""What each pytest-xdist worker gets of its own, so `make test` can use both cores.

Loaded as a plugin (`-p tests.parallel` in pyproject's addopts) because it must act before
pytest-django reads the settings:

- Redis: tests flush their Redis database (cache.clear() is FLUSHDB), so worker N uses
  database base + N of REDIS_URL (/13 → gw0 /13, gw1 /14). Database 0, the one `make run`
  and Celery use, is refused, and so is a number past Redis's 16 databases.
- PostgreSQL: pytest-django already gives each worker its own test database (…_gw0).
- SQLite: each worker process has its own in-memory test database.
- Live daphne sites: each worker probes its own half of the port range (`live_ports`,
  used by tests/rooms/live.py), so two workers never race for one port.

`make test` hands out whole files (`--dist loadfile`), so module fixtures are built once.
Not `loadgroup`: with pytest 9.2 it silently stops grouping (pytest-xdist issue #1386).
"""

import os
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

REDIS_DATABASES = 16
LIVE_PORTS = range(8300, 8400)


def worker_index() -> int:
    """0 for gw0 (and for a run without workers), 1 for gw1…"""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def live_ports(index: int | None = None, workers: int | None = None) -> range:
    """This worker's share of LIVE_PORTS: the whole range without workers."""
    index = worker_index() if index is None else index
    workers = workers or int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    size = len(LIVE_PORTS) // workers
    start = LIVE_PORTS.start + index * size
    return range(start, start + size)


def redis_url_for_worker(url: str, index: int) -> str:
    parts = urlsplit(url)
    base = parts.path.strip("/")
    if not base.isdigit() or int(base) == 0:
        raise pytest.UsageError(
            "Run the tests on a Redis database of their own, e.g. REDIS_URL=redis://…/13 "
            "(tests flush it; database 0 is the one `make run` and the workers use)"
        )
    number = int(base) + index
    if number >= REDIS_DATABASES:
        raise pytest.UsageError(
            f"REDIS_URL database {base} plus worker {index} is past Redis's "
            f"{REDIS_DATABASES} databases: pick a lower one, or fewer workers"
        )
    return urlunsplit(parts._replace(path=f"/{number}"))


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: Any, parser: Any, args: Any) -> None:
    if os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = redis_url_for_worker(os.environ["REDIS_URL"], worker_index())
