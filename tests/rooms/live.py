"""Real daphne processes for the browser and scale-out tests.

Each site is a fresh SQLite file (a copy of one migrated once per test session) seeded
by `python -m tests.rooms.live seed`, which prints the ids and session keys as JSON.
Ports come from the loopback range 8300-8399, split between test workers.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")


# The production server's flags, as `make serve` passes them (see the Makefile).
SERVE_FLAGS = ["--host", "127.0.0.1", "--lifespan", "off", "--ws", "websockets", "--no-access-log"]


def free_port(start: int = 8300) -> int:
    """The first free port from `start` in this test worker's share of 8300-8399."""
    from tests.parallel import live_ports

    ports = live_ports()
    for port in range(max(start, ports.start), ports.stop):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


def site_env(
    sqlite: Path, *, redis_url: str = "", prefix: str = "", database_url: str = ""
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SQLITE_PATH=str(sqlite),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CELERY_TASK_ALWAYS_EAGER="1",
        PYTHONPATH=str(ROOT),
        DJANGO_ALLOW_ASYNC_UNSAFE="",
    )
    if database_url:  # PostgreSQL instead of the SQLite file (bench/rooms.py)
        env["DATABASE_URL"] = database_url
    if redis_url:
        env.update(REDIS_URL=redis_url, CHANNEL_PREFIX=prefix, CACHE_KEY_PREFIX=prefix)
    return env


def migrated_template(directory: Path, *, database_url: str = "") -> Path:
    path = directory / "template.sqlite3"
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=site_env(path, database_url=database_url),
        check=True,
        timeout=300,
    )
    return path


@dataclass
class Site:
    sqlite: Path
    env: dict[str, str]
    data: dict[str, Any] = field(default_factory=dict)
    processes: list[subprocess.Popen] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)

    def seed(self, *args: str) -> dict[str, Any]:
        out = subprocess.run(
            [PYTHON, "-m", "tests.rooms.live", "seed", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            timeout=120,
            capture_output=True,
            text=True,
        )
        self.data = json.loads(out.stdout.strip().splitlines()[-1])
        return self.data

    def start(self, *, workers: int = 0) -> int:
        """A daphne process, or with `workers` the production server (make serve's uvicorn)."""
        port = free_port(max([8300, *[p + 1 for p in self.ports]]))
        log = open(self.sqlite.with_suffix(f".{port}.log"), "w")  # noqa: SIM115
        command = [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
        if workers:
            command = [PYTHON, "-m", "uvicorn", *SERVE_FLAGS, "--port", str(port)]
            command += ["--workers", str(workers)]
        process = subprocess.Popen(
            [*command, "config.asgi:application"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )
        self.processes.append(process)
        self.ports.append(port)
        _wait_for(f"http://127.0.0.1:{port}/healthz", process)
        return port

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def new_site(template: Path, directory: Path, **env: str) -> Site:
    sqlite = directory / "site.sqlite3"
    shutil.copy(template, sqlite)
    return Site(sqlite=sqlite, env=site_env(sqlite, **env))


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


# --- the seeding side, run inside the site's environment -------------------------------


def session_for(user: Any) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key or ""


def seed(residents: int = 0) -> dict[str, Any]:
    """村A with a deliberating proposal; three personas (+ N extra residents), logged in."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import Role
    from core import ratelimit
    from proposals.models import Category, State
    from rooms.actions import room_for
    from tests.factories import MembershipFactory, UserFactory, village_tree
    from tests.proposals.conftest import make_proposal

    Category.objects.get_or_create(name="公共设施")
    regions = village_tree()
    village = regions["village_a"]

    def member(role: str, name: str) -> Any:
        user = UserFactory(display_name=name, password=make_password(None))
        MembershipFactory(user=user, region=village, role=role)
        return user

    people = {
        "resident": member(Role.RESIDENT, "王秀英"),
        "resident2": member(Role.RESIDENT, "李建国"),
        "committee": member(Role.COMMITTEE, "陈主任"),
    }
    world = type(
        "W",
        (),
        {
            "resident_a": people["resident"],
            "resident_b": None,
            "village_a": village,
            "village_b": regions["village_b"],
            "committee_a": people["committee"],
            "committee_b": None,
        },
    )
    with ratelimit.suspended():
        proposal = make_proposal(world, State.DELIBERATING, title="村口停车位怎么划")
    room_for(proposal)
    users = {key: {"id": u.pk, "session": session_for(u)} for key, u in people.items()}
    extra = [member(Role.RESIDENT, f"居民{n}") for n in range(residents)]
    return {
        "proposal": proposal.pk,
        "users": users,
        "extra": [{"id": u.pk, "session": session_for(u)} for u in extra],
    }


if __name__ == "__main__" and sys.argv[1:2] == ["seed"]:
    import django

    django.setup()
    extra = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    print(json.dumps(seed(extra)))
