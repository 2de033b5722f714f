"""`make serve`: uvicorn worker processes serve pages and rooms; rooms meet through Redis."""

import asyncio
import json
import os
import re
import subprocess
import uuid
from pathlib import Path

import pytest
import websockets

from tests.rooms.conftest import run
from tests.rooms.live import SERVE_FLAGS, new_site

ROOT = Path(__file__).resolve().parents[2]


def test_make_serve_runs_uvicorn_with_the_flags_the_tests_use():
    out = subprocess.run(
        ["make", "-n", "serve", "WEB_WORKERS=3"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    command = " ".join(out.split())
    assert re.search(r"\.venv/bin/uvicorn config\.asgi:application .*--workers 3", command)
    for flag in SERVE_FLAGS[2:]:
        assert flag in command


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_a_room_works_across_uvicorn_worker_processes(tmp_path, live_template):
    site = new_site(
        live_template, tmp_path, redis_url=os.environ["REDIS_URL"], prefix=uuid.uuid4().hex[:8]
    )
    site.seed()
    port = site.start(workers=2)
    proposal, session = site.data["proposal"], site.data["users"]["resident"]["session"]

    async def connect(cookie: str = ""):
        socket = await websockets.connect(
            f"ws://127.0.0.1:{port}/ws/rooms/{proposal}/",
            origin=f"http://127.0.0.1:{port}",
            additional_headers={"Cookie": f"sessionid={cookie}"} if cookie else {},
        )
        assert json.loads(await socket.recv())["type"] == "hello"
        return socket

    async def heard(socket, body: str) -> bool:
        while True:
            frame = json.loads(await asyncio.wait_for(socket.recv(), 10))
            if frame["type"] == "message":
                return frame["message"]["body"] == body

    async def scenario():
        # Eight listeners, spread by the kernel over the worker processes: each must hear it.
        listeners = [await connect() for _ in range(8)]
        speaker = await connect(session)
        await speaker.send(json.dumps({"type": "say", "body": "多进程你好", "client_id": "s1"}))
        assert all([await heard(socket, "多进程你好") for socket in listeners])
        for socket in [*listeners, speaker]:
            await socket.close()

    try:
        run(scenario)
    finally:
        site.stop()
