"""Room fixtures: a deliberating proposal of 村A and websocket clients with real sessions."""

import asyncio
import concurrent.futures
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.test import Client

from config.asgi import application
from proposals.models import Category, Proposal, State
from tests.proposals.conftest import make_proposal

ORIGIN = b"http://testserver"


@pytest.fixture(autouse=True)
def _rooms_settings(settings: Any) -> None:
    settings.ROOMS_PRESENCE_DELAY = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    channel_layers.backends.clear()  # a fresh in-memory layer for this test's event loop


@pytest.fixture
def deliberating(world: Any) -> Proposal:
    ensure_categories()
    return make_proposal(world, State.DELIBERATING)


def ensure_categories() -> None:
    """Transactional tests flush the categories the data migration made."""
    Category.objects.get_or_create(name="公共设施")


def session_cookie(user: Any) -> bytes:
    if user is None:
        return b""
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def headers(cookie: bytes = b"", origin: bytes | None = ORIGIN) -> list[tuple[bytes, bytes]]:
    found = [(b"host", b"testserver")]
    if origin is not None:
        found.append((b"origin", origin))
    if cookie:
        found.append((b"cookie", cookie))
    return found


class Socket:
    """A test client: frames as dicts, presence frames skipped unless asked for."""

    def __init__(self, communicator: WebsocketCommunicator) -> None:
        self.communicator = communicator
        self.hello: dict[str, Any] = {}

    async def send(self, frame: Any) -> None:
        text = frame if isinstance(frame, str) else json.dumps(frame)
        await self.communicator.send_to(text_data=text)

    async def receive(self, *, presence: bool = False, timeout: float = 3) -> dict[str, Any]:
        while True:
            frame = json.loads(await self.communicator.receive_from(timeout=timeout))
            if presence or frame["type"] != "presence":
                return frame

    async def receive_type(self, kind: str, timeout: float = 3) -> dict[str, Any]:
        while True:
            frame = await self.receive(presence=kind == "presence", timeout=timeout)
            if frame["type"] == kind:
                return frame

    async def nothing(self) -> bool:
        """True if no frame other than presence arrives shortly."""
        while not await self.communicator.receive_nothing(timeout=0.3):
            frame = json.loads(await self.communicator.receive_from())
            if frame["type"] != "presence":
                return False
        return True

    async def say(self, body: str, client_id: str) -> None:
        await self.send({"type": "say", "body": body, "client_id": client_id})

    async def close(self) -> None:
        await self.communicator.disconnect()


async def open_socket(
    proposal_id: int,
    cookie: bytes = b"",
    *,
    after: int | None = None,
    origin: bytes | None = ORIGIN,
) -> tuple[bool, Any, Socket]:
    path = f"/ws/rooms/{proposal_id}/" + (f"?after={after}" if after is not None else "")
    communicator = WebsocketCommunicator(application, path, headers=headers(cookie, origin))
    connected, code = await communicator.connect(timeout=5)
    socket = Socket(communicator)
    if connected:
        socket.hello = await socket.receive()
    return connected, code, socket


def run(scenario: Callable[[], Awaitable[Any]]) -> Any:
    """asyncio.run in a fresh thread: a Playwright test earlier in the session may have left
    its event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, scenario()).result()


db = database_sync_to_async
