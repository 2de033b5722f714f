"""What each pytest-xdist worker gets of its own, so `make test` can use both cores.

Loaded as a plugin (`-p tests.parallel` in pyproject's addopts) because it must act before
pytest-django reads the settings:

- Redis: tests flush their Redis database (cache.clear() is FLUSHDB), so worker N uses
  database base + N of REDIS_URL (/13 → gw0 /13, gw1 /14). Database 0, the one `make run`
  and Celery use, is refused, and so is a number past Redis's 16 databases.
- PostgreSQL: pytest-django already gives each worker its own test database (…_gw0).
- SQLite: each worker process has its own in-memory test database.
- Live daphne sites and chromium: all on one worker, one file after another (group
  "live"), so two browsers never share the two cores and two workers never race for the
  same port; every other file is a group of its own, so `--dist loadgroup` hands out
  whole files and module fixtures are built once.
"""

import os
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

REDIS_DATABASES = 16
LIVE_FIXTURES = {"chromium", "phone_page", "live_template"}


def worker_index() -> int:
    """0 for gw0 (and for a run without workers), 1 for gw1…"""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


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


@pytest.hookimpl(tryfirst=True)  # before xdist's worker reads the groups
def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if not config.getoption("loadgroup", default=False):
        return
    for item in items:
        live = item.get_closest_marker("browser") or LIVE_FIXTURES & set(item.fixturenames)
        group = "live" if live else item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(group))
