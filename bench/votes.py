"""A burst of distinct voters casting over HTTP against PostgreSQL, then an invariant check.

    .venv/bin/python bench/votes.py [--voters 1000] [--concurrency 40] [--port 8471]
                                    [--database postgres://postgres@127.0.0.1:5432/youshi_ballots_bench]
                                    [--redis redis://127.0.0.1:6379/9] [--write-docs]

It (re)creates the bench database, seeds one village with N approved residents and an
open secret ballot through the real actions, starts a production-like daphne
(DJANGO_ENV=production, DEBUG off, PostgreSQL + Redis) on a loopback port, and has N
distinct residents each POST /api/v1/ballots/{id}/vote once, C at a time. Then a second
burst of repeat votes (all must be 409), and the invariants: papers = choices = roll
entries marked online = the ballot's counter = the closed tally, no duplicates.
"""

import argparse
import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voters", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=40)
    parser.add_argument("--port", type=int, default=8471)
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/youshi_ballots_bench"
    )
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    if not 8400 <= args.port <= 8499:
        parser.error("use a loopback port in 8400-8499")
    if not 1 <= args.voters <= 20000 or not 1 <= args.concurrency <= 80:
        parser.error("voters 1..20000, concurrency 1..80")
    return args


def server_env(args: argparse.Namespace) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": args.database,
        "REDIS_URL": args.redis,
        "SECURE_SSL_REDIRECT": "0",
        "CACHE_KEY_PREFIX": "bench-votes",
        "CHANNEL_PREFIX": "bench-votes",
        "MEDIA_ROOT": "/tmp/bench-votes-media",
        "LOG_LEVEL": "WARNING",
    }


def recreate_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    base = url.rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


SEED = r"""
import json, sys
import django
django.setup()
from datetime import timedelta
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from accounts.models import Membership, MembershipStatus, Region, Role, User
from proposals import actions as proposal_actions
from ballots import actions
from proposals.lifecycle import transition
from proposals.models import Category, State
from core import ratelimit

n = int(sys.argv[1])
town = Region.add_root(name="压测街道", kind="township")
village = Region.objects.get(pk=town.pk).add_child(name="压测村", kind="village")
committee = User.objects.create(username="bench-committee", phone="+8613500000000")
Membership.objects.create(user=committee, region=village, role=Role.COMMITTEE,
                          status=MembershipStatus.APPROVED)
User.objects.bulk_create([User(username=f"bv{i}", phone=f"+86134{i:08d}") for i in range(n)])
voters = list(User.objects.filter(username__startswith="bv").order_by("pk"))
Membership.objects.bulk_create([
    Membership(user=u, region=village, role=Role.RESIDENT, status=MembershipStatus.APPROVED)
    for u in voters])
with ratelimit.suspended():
    p = proposal_actions.create_proposal(voters[0], title="压测议题", body="压测",
        category=Category.objects.first().pk, region=village.pk, submit=True)
    transition(p, State.REVIEWING, None, system=True)
    proposal_actions.accept_proposal(committee, p.pk)
    ballot = actions.create_ballot(committee, p.pk, question="是否同意？", secret=True,
        closes_at=timezone.now() + timedelta(hours=2))
sessions = []
for u in voters:
    s = SessionStore()
    s[SESSION_KEY] = str(u.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = u.get_session_auth_hash()
    s.create()
    sessions.append(s.session_key)
print(json.dumps({"ballot": ballot.pk, "options": list(ballot.options.values_list("pk", flat=True)),
                  "sessions": sessions}))
"""

CHECK = r"""
import json, sys
import django
django.setup()
from django.db.models import Count
from django.utils import timezone
from ballots import actions
from ballots.models import Ballot, Choice, Paper, RollEntry
pk = int(sys.argv[1])
ballot = Ballot.objects.get(pk=pk)
papers = Paper.objects.filter(ballot=ballot).count()
choices = Choice.objects.filter(paper__ballot=ballot).count()
online = RollEntry.objects.filter(ballot=ballot, channel="online").count()
dupes = RollEntry.objects.values("ballot", "user").annotate(n=Count("id")).filter(n__gt=1).count()
Ballot.objects.filter(pk=pk).update(closes_at=timezone.now())
closed = actions.close_ballot(pk)
print(json.dumps({"papers": papers, "choices": choices, "online": online,
                  "counter": ballot.voted_count, "tally_cast": closed.result["cast"],
                  "tally_total": sum(o["total"] for o in closed.result["options"]),
                  "duplicate_roll_entries": dupes}))
"""


def django_run(code: str, env: dict[str, str], *argv: str) -> dict:
    out = subprocess.run(
        [PYTHON, "-c", code, *argv],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):  # bounded: 20 s
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("daphne did not come up")


_local = threading.local()


def vote(port: int, ballot: int, option: int, session: str) -> tuple[int, float]:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    token = secrets.token_hex(16)
    body = json.dumps({"choices": [option]})
    headers = {
        "Host": "127.0.0.1",
        "Content-Type": "application/json",
        "Cookie": f"sessionid={session}; csrftoken={token}",
        "X-CSRFToken": token,
    }
    started = time.perf_counter()
    try:
        conn.request("POST", f"/api/v1/ballots/{ballot}/vote", body, headers)
        response = conn.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        _local.conn = None
        status = 0
    return status, time.perf_counter() - started


def burst(args: argparse.Namespace, seed: dict, sessions: list[str]) -> tuple[list, float]:
    options = seed["options"]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        results = list(
            pool.map(
                lambda item: vote(args.port, seed["ballot"], options[item[0] % 3], item[1]),
                enumerate(sessions),
            )
        )
    return results, time.perf_counter() - started


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def main() -> None:
    args = parse()
    env = server_env(args)
    recreate_database(args.database)
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    seed = django_run(SEED, env, str(args.voters))
    server = start_server(env, args.port)
    try:
        results, elapsed = burst(args, seed, seed["sessions"])
        repeat_count = min(200, args.voters)
        repeats, _ = burst(args, seed, seed["sessions"][:repeat_count])
    finally:
        server.terminate()
        server.wait(timeout=10)
    accepted = [t for s, t in results if s == 201]
    statuses: dict[int, int] = {}
    for s, _t in results:
        statuses[s] = statuses.get(s, 0) + 1
    repeat_statuses = {s for s, _t in repeats}
    check = django_run(CHECK, env, str(seed["ballot"]))
    ok = (
        len(accepted) == args.voters
        and repeat_statuses == {409}
        and check["papers"]
        == check["choices"]
        == check["online"]
        == check["counter"]
        == check["tally_cast"]
        == check["tally_total"]
        == len(accepted)
        and check["duplicate_roll_entries"] == 0
    )
    all_times = sorted(t for _s, t in results)
    report = {
        "voters": args.voters,
        "concurrency": args.concurrency,
        "statuses": statuses,
        "accepted_per_s": round(len(accepted) / elapsed, 1),
        "p50_ms": round(statistics.median(all_times) * 1000, 1),
        "p95_ms": round(p95(all_times) * 1000, 1),
        "max_ms": round(all_times[-1] * 1000, 1),
        "repeat_votes": repeat_count,
        "repeat_statuses": sorted(repeat_statuses),
        "invariants": check,
        "ok": ok,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.write_docs:
        write_docs(report)
    sys.exit(0 if ok else 1)


def write_docs(report: dict) -> None:
    path = ROOT / "docs" / "performance.md"
    path.parent.mkdir(exist_ok=True)
    if not path.exists():
        path.write_text("# Performance\n\nMeasured with the scripts in bench/, never in tests.\n")
    inv = report["invariants"]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = f"""
## Votes

`bench/votes.py --voters {report["voters"]} --concurrency {report["concurrency"]}` ({when}):
one production-like daphne process (DJANGO_ENV=production, DEBUG off, PostgreSQL + Redis,
CONN_MAX_AGE=0) on loopback; {report["voters"]} distinct residents each cast one secret vote
over HTTP (`POST /api/v1/ballots/{{id}}/vote`, session + CSRF), {report["concurrency"]} at a time.

| measure | value |
| --- | --- |
| accepted votes/s | {report["accepted_per_s"]} |
| latency p50 | {report["p50_ms"]} ms |
| latency p95 | {report["p95_ms"]} ms |
| latency max | {report["max_ms"]} ms |
| statuses | {report["statuses"]} |
| repeat votes ({report["repeat_votes"]}, same voters again) | {report["repeat_statuses"]} |

Invariants afterwards: papers {inv["papers"]} = choices {inv["choices"]} = roll entries marked
online {inv["online"]} = counter {inv["counter"]} = tally at close {inv["tally_cast"]}
(sum of options {inv["tally_total"]}); duplicate roll entries {inv["duplicate_roll_entries"]}.
Result: {"OK" if report["ok"] else "FAILED"}.

Votes on one ballot serialise on its row lock (`SELECT … FOR UPDATE`), so this is the rate
of one ballot; different ballots do not wait for each other. Django runs synchronous views
of one ASGI process in a single thread, so more processes (behind a proxy) raise the rate
until the row lock is the limit.
"""
    with path.open("a") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
