"""The suite runs on both cores: each xdist worker gets a Redis database of its own, before
Django reads its settings, and never database 0."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests import parallel as tests_parallel
from tests.parallel import redis_url_for_worker

BASE = Path(settings.BASE_DIR)


def test_worker_n_uses_the_base_database_plus_n() -> None:
    assert redis_url_for_worker("redis://127.0.0.1:6379/13", 0) == "redis://127.0.0.1:6379/13"
    assert redis_url_for_worker("redis://127.0.0.1:6379/13", 2) == "redis://127.0.0.1:6379/15"
    assert redis_url_for_worker("redis://:pw@redis:6380/4", 1) == "redis://:pw@redis:6380/5"


@pytest.mark.parametrize(
    "url",
    ["redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379", "redis://127.0.0.1:6379/", "x://h/a"],
)
def test_the_shared_database_is_refused(url: str) -> None:
    with pytest.raises(pytest.UsageError, match="database of their own"):
        redis_url_for_worker(url, 0)


def test_a_database_past_redis_s_sixteen_is_refused() -> None:
    with pytest.raises(pytest.UsageError, match="16 databases"):
        redis_url_for_worker("redis://127.0.0.1:6379/15", 1)


def test_each_worker_has_its_own_live_ports() -> None:
    assert tests_parallel.live_ports(0, 2) == range(8300, 8350)
    assert tests_parallel.live_ports(1, 2) == range(8350, 8400)
    assert tests_parallel.live_ports(0, 1) == range(8300, 8400)


PROBE = """
import os
from django.conf import settings

def test_a(): record()
def test_b(): record()

def record():
    worker = os.environ["PYTEST_XDIST_WORKER"]
    location = settings.CACHES["default"]["LOCATION"]
    with open(os.path.join(os.environ["PROBE_OUT"], worker), "w") as out:
        out.write(location)
"""


def test_two_workers_read_settings_with_two_databases(tmp_path: Path) -> None:
    """A real xdist run: the settings each worker's Django sees name its own database."""
    (tmp_path / "test_probe.py").write_text(PROBE)
    out = tmp_path / "out"
    out.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(BASE),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "REDIS_URL": "redis://127.0.0.1:6379/13",
        "PROBE_OUT": str(out),
    }
    # Run from inside an xdist worker, this test must not hand its own worker id down.
    for name in ("DATABASE_URL", "PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT"):
        env.pop(name, None)
    plugins = ["-p", "tests.parallel", "-p", "no:cacheprovider"]
    workers = ["-n", "2", "--dist", "load"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *plugins, *workers, str(tmp_path / "test_probe.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    seen = {path.name: path.read_text() for path in out.iterdir()}
    assert seen == {"gw0": "redis://127.0.0.1:6379/13", "gw1": "redis://127.0.0.1:6379/14"}
