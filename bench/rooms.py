"""Load on one room: N websocket clients over one or two daphne processes sharing Redis.

    REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python bench/rooms.py --clients 100,500 \
        --processes 1,2

For each (clients, processes) it starts fresh daphne processes on loopback ports
8300-8399 against a new SQLite file (migrated once), connects the clients round-robin,
lets `--senders` residents each say `--per-sender` messages (within the real rate
limit of 5 per 10 s), and measures:

- messages/s in (accepted by the server) and deliveries/s out (frames received),
- p50/p95/p99 delivery latency (sender's clock to each receiver, same machine),
- lost messages: ids a client never received live, then after an HTTP resync
  (`GET /api/v1/proposals/{id}/messages?after=`), which must be 0,
- RSS per idle connection: daphne RSS growth after connecting, divided by N.

Only loopback; every loop is bounded by counts and timeouts.
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import websockets

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.rooms.live import migrated_template, new_site  # noqa: E402

CONNECT_CONCURRENCY = 50
DRAIN_TIMEOUT = 60.0


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Client:
    def __init__(self, port: int, proposal: int, session: str = "") -> None:
        self.port, self.proposal, self.session = port, proposal, session
        self.ids: set[int] = set()
        self.latencies: list[float] = []
        self.socket: websockets.ClientConnection | None = None

    async def connect(self) -> None:
        headers = {"Cookie": f"sessionid={self.session}"} if self.session else {}
        self.socket = await websockets.connect(
            f"ws://127.0.0.1:{self.port}/ws/rooms/{self.proposal}/",
            origin=f"http://127.0.0.1:{self.port}",
            additional_headers=headers,
            max_size=2**20,
            ping_interval=None,
        )
        hello = json.loads(await asyncio.wait_for(self.socket.recv(), 30))
        assert hello["type"] == "hello", hello

    async def listen(self) -> None:
        assert self.socket is not None
        try:
            async for raw in self.socket:  # ends when the socket is closed
                self.take(json.loads(raw))
        except websockets.ConnectionClosed:
            return

    def take(self, frame: dict) -> None:
        if frame["type"] == "message":
            message = frame["message"]
            self.ids.add(message["id"])
            sent_ns = int(message["body"].rsplit(" ", 1)[1])
            self.latencies.append((time.time_ns() - sent_ns) / 1e6)

    async def say(self, body: str) -> None:
        assert self.socket is not None
        await self.socket.send(
            json.dumps({"type": "say", "body": body, "client_id": uuid.uuid4().hex})
        )


def resync(port: int, proposal: int, after: int) -> set[int]:
    found: set[int] = set()
    for _ in range(100):  # bounded: 500 ids a page
        url = f"http://127.0.0.1:{port}/api/v1/proposals/{proposal}/messages?after={after}"
        with urllib.request.urlopen(url, timeout=30) as response:
            body = json.loads(response.read())
        found |= {item["id"] for item in body["items"]}
        if not body["more"] or not body["items"]:
            break
        after = body["items"][-1]["id"]
    return found


def fresh_postgres(url: str) -> None:
    """Drop and recreate the bench database, then migrate it (PostgreSQL runs only)."""
    import psycopg

    admin, name = url.rsplit("/", 1)
    with psycopg.connect(f"{admin}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    migrated_template(Path(tempfile.mkdtemp(prefix="bench-rooms-pg-")), database_url=url)


async def run_one(
    template: Path,
    clients: int,
    processes: int,
    senders: int,
    per_sender: int,
    redis_url: str,
    database_url: str,
) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bench-rooms-"))
    if database_url:
        fresh_postgres(database_url)
    site = new_site(
        template,
        workdir,
        redis_url=redis_url,
        prefix=f"b{uuid.uuid4().hex[:8]}",
        database_url=database_url,
    )
    senders = min(senders, clients)
    data = site.seed(str(senders))
    try:
        for _ in range(processes):
            site.start()
        await asyncio.sleep(1)
        pids = [p.pid for p in site.processes]
        rss_before = sum(rss_kb(pid) for pid in pids)
        sessions = [row["session"] for row in data["extra"]]
        pool = [
            Client(site.ports[n % processes], data["proposal"], sessions[n] if n < senders else "")
            for n in range(clients)
        ]
        gate = asyncio.Semaphore(CONNECT_CONCURRENCY)

        async def connect(client: Client) -> None:
            async with gate:
                await client.connect()

        started = time.monotonic()
        await asyncio.gather(*(connect(c) for c in pool))
        connect_seconds = time.monotonic() - started
        await asyncio.sleep(3)  # let presence settle: measure idle connections
        rss_after = sum(rss_kb(pid) for pid in pids)
        listeners = [asyncio.create_task(c.listen()) for c in pool]

        async def speak(client: Client, index: int) -> None:
            for number in range(per_sender):
                await client.say(f"bench {index}-{number} {time.time_ns()}")
                await asyncio.sleep(2.1)  # the real limit is 5 messages per 10 s

        send_start = time.monotonic()
        await asyncio.gather(*(speak(pool[i], i) for i in range(senders)))
        send_seconds = time.monotonic() - send_start
        total = senders * per_sender
        deadline = time.monotonic() + DRAIN_TIMEOUT
        while time.monotonic() < deadline and any(len(c.ids) < total for c in pool):
            await asyncio.sleep(0.2)
        drain_seconds = time.monotonic() - send_start
        for client in pool:
            if client.socket is not None:
                await client.socket.close()
        await asyncio.gather(*listeners)
        expected = set(range(1, total + 1))
        lost_live = sum(len(expected - c.ids) for c in pool)
        lost_after = 0
        for client in pool:
            missing = expected - client.ids
            if missing:
                client.ids |= resync(client.port, data["proposal"], min(missing) - 1)
                lost_after += len(expected - client.ids)
        latencies = sorted(x for c in pool for x in c.latencies)
        deliveries = len(latencies)
        quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
        return {
            "clients": clients,
            "processes": processes,
            "messages": total,
            "database": "postgresql" if database_url else "sqlite",
            "connect_s": round(connect_seconds, 1),
            "messages_per_s_in": round(total / send_seconds, 1),
            "deliveries_per_s_out": round(deliveries / drain_seconds, 1),
            "p50_ms": round(quantiles[49], 1),
            "p95_ms": round(quantiles[94], 1),
            "p99_ms": round(quantiles[98], 1),
            "lost_live": lost_live,
            "lost_after_resync": lost_after,
            "rss_per_idle_connection_kb": round((rss_after - rss_before) / clients, 1),
        }
    finally:
        site.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="100,500")
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL database to drop, create and use (else SQLite)",
    )
    parser.add_argument("--per-sender", type=int, default=5)
    args = parser.parse_args()
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        sys.exit("bench/rooms.py needs REDIS_URL (channels-redis between the processes)")
    template = migrated_template(Path(tempfile.mkdtemp(prefix="bench-rooms-template-")))
    results = []
    for clients in [int(x) for x in args.clients.split(",")]:
        for processes in [int(x) for x in args.processes.split(",")]:
            result = asyncio.run(
                run_one(
                    template,
                    clients,
                    processes,
                    args.senders,
                    args.per_sender,
                    redis_url,
                    args.database_url,
                )
            )
            print(json.dumps(result), flush=True)
            results.append(result)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"rooms-{int(time.time())}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
