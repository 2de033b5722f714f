"""Two daphne processes share a room through Redis (channels-redis): a message said on one
reaches clients of the other, and both count the same presence."""

import asyncio
import json
import os
import uuid

import pytest
import websockets
from websockets.exceptions import InvalidStatus  # not an attribute until someone imports it

from tests.rooms.conftest import run
from tests.rooms.live import new_site

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL"),
]


@pytest.fixture
def two_processes(tmp_path, live_template):
    site = new_site(
        live_template,
        tmp_path,
        redis_url=os.environ["REDIS_URL"],
        prefix=f"t{uuid.uuid4().hex[:8]}",
    )
    site.seed()
    site.start()
    site.start()
    yield site
    site.stop()


async def _connect(port, proposal, session="", after=None):
    url = f"ws://127.0.0.1:{port}/ws/rooms/{proposal}/" + (f"?after={after}" if after else "")
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    socket = await websockets.connect(
        url, origin=f"http://127.0.0.1:{port}", additional_headers=headers
    )
    hello = json.loads(await socket.recv())
    assert hello["type"] == "hello"
    return socket, hello


async def _next(socket, kind, timeout=5.0):
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        if frame["type"] == kind:
            return frame


def test_a_message_said_on_one_process_reaches_the_other(two_processes):
    site = two_processes
    one, two = site.ports
    proposal, resident = site.data["proposal"], site.data["users"]["resident"]["session"]

    async def scenario():
        speaker, _ = await _connect(one, proposal, resident)
        listener, _ = await _connect(two, proposal)
        await speaker.send(json.dumps({"type": "say", "body": "跨进程你好", "client_id": "x1"}))
        frame = await _next(listener, "message")
        assert frame["message"]["body"] == "跨进程你好"
        assert frame["message"]["id"] == 1
        # Presence: one socket on each process, counted the same by both.
        counts = []
        while not counts or counts[-1] != 2:
            counts.append((await _next(listener, "presence"))["count"])
        await speaker.close()
        assert (await _next(listener, "presence"))["count"] == 1
        await listener.close()

    run(scenario)


def test_a_foreign_origin_is_refused_by_a_real_server(two_processes):
    port, proposal = two_processes.ports[0], two_processes.data["proposal"]

    async def scenario():
        with pytest.raises(InvalidStatus):
            await websockets.connect(
                f"ws://127.0.0.1:{port}/ws/rooms/{proposal}/", origin="http://evil.example"
            )
        with pytest.raises(InvalidStatus):
            await websockets.connect(f"ws://127.0.0.1:{port}/ws/rooms/{proposal}/")

    run(scenario)
