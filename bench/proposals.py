"""Seed 10,000 proposals and measure the list page and the list API on a production-like server.

    .venv/bin/python bench/proposals.py            # PostgreSQL + Redis on 127.0.0.1
    .venv/bin/python bench/proposals.py --requests 300 --concurrency 8

It uses its own database (BENCH_DATABASE_URL, default youshi_proposals_bench) and Redis db
(BENCH_REDIS_URL, default db 3), runs daphne with DJANGO_ENV=production and DEBUG off on a
loopback port, loads only 127.0.0.1, with bounded loops, and prints p50/p95 and requests/s.
"""

import argparse
import http.client
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
DB = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/youshi_proposals_bench"
)
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
TARGET = 10_000

SEED = """
import random
from django.utils import timezone
from accounts.models import Region, User
from proposals.models import Category, Proposal, State
target = int({target})
have = Proposal.objects.count()
if have < target:
    random.seed(7)
    villages = list(Region.objects.filter(kind__in=["village", "community"]))
    authors = list(User.objects.all()[:20])
    categories = list(Category.objects.all())
    states = [s for s in State.values if s != "draft"]
    now = timezone.now()
    rows = [
        Proposal(title=f"测试议题 {{i}}：路灯、停车、垃圾分类", body="压测数据。" * 20,
                 category=random.choice(categories), region=random.choice(villages),
                 author=random.choice(authors), state=random.choice(states),
                 support_count=random.randint(0, 40), submitted_at=now, state_changed=now)
        for i in range(have, target)
    ]
    Proposal.objects.bulk_create(rows, batch_size=1000)
print("proposals:", Proposal.objects.count())
"""


def env() -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH"}}
    base.update(
        {
            "DJANGO_ENV": "production",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": DB,
            "REDIS_URL": REDIS,
            "SECURE_SSL_REDIRECT": "0",
            "VAR_DIR": str(VAR),
            "CACHE_KEY_PREFIX": "bench",
        }
    )
    return base


def manage(*args: str, **kwargs: object) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env(), check=True, **kwargs)  # type: ignore[call-overload]


def prepare() -> None:
    name = DB.rsplit("/", 1)[-1]
    subprocess.run(["createdb", "-h", HOST, "-U", "postgres", name], capture_output=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("seed_demo", stdout=subprocess.DEVNULL)
    manage("shell", "-c", SEED.format(target=TARGET))
    manage("collectstatic", "--no-input", "-v", "0")
    manage("compile_translations", stdout=subprocess.DEVNULL)


def get(path: str, conn: http.client.HTTPConnection) -> float:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Host": HOST, "Accept-Language": "zh-CN"})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return time.perf_counter() - started


def measure(path: str, requests: int, concurrency: int) -> dict[str, float]:
    def worker(count: int) -> list[float]:
        conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
        try:
            return [get(path, conn) for _ in range(count)]
        finally:
            conn.close()

    per_worker = max(1, requests // concurrency)
    get(path, http.client.HTTPConnection(HOST, PORT, timeout=30))  # warm up
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        timings = [t for batch in pool.map(worker, [per_worker] * concurrency) for t in batch]
    elapsed = time.perf_counter() - started
    timings.sort()
    return {
        "n": len(timings),
        "p50": statistics.median(timings) * 1000,
        "p95": timings[int(len(timings) * 0.95) - 1] * 1000,
        "rps": len(timings) / elapsed,
    }


def wait_until_up(deadline: float = 30) -> None:
    until = time.time() + deadline
    while time.time() < until:
        try:
            conn = http.client.HTTPConnection(HOST, PORT, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("daphne did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    prepare()
    server = subprocess.Popen(
        [PY, "-m", "daphne", "-b", HOST, "-p", str(PORT), "config.asgi:application"],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up()
        paths = [
            "/proposals/",
            "/proposals/?sort=support&page=50",
            "/proposals/?region=1&state=collecting",
            "/api/v1/proposals",
            "/api/v1/proposals?state=collecting&page=20",
        ]
        print(f"{TARGET} proposals, daphne (1 process), DEBUG off, {args.concurrency} clients")
        print(f"{'path':<44} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}")
        for path in paths:
            for concurrency in (1, args.concurrency):
                r = measure(path, args.requests if concurrency > 1 else 100, concurrency)
                label = f"{path} (c={concurrency})"
                print(f"{label:<44} {r['n']:>5} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['rps']:>8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    VAR = Path(tempfile.mkdtemp(prefix="bench-proposals-"))
    try:
        main()
    finally:
        shutil.rmtree(VAR, ignore_errors=True)
    sys.exit(0)
