"""The room socket, /ws/rooms/<proposal_id>/ (protocol: docs/websocket.md).

A thin adapter: it parses a frame, calls an action in a worker thread, and answers with
an error frame when the action refuses. Everything said reaches clients through the
group `proposal.<id>` (rooms.broadcast), this socket's own messages included.
"""

import asyncio
import json
import logging
import time
from collections.abc import Callable
from importlib import import_module
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async as _database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import get_user
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext_noop

from core.errors import ActionError
from core.parse import as_id
from rooms import actions, presence
from rooms.broadcast import group_name
from rooms.frames import message_data, room_data, session_data
from rooms.models import Session, SessionState
from rooms.permissions import may_moderate_room, may_speak

log = logging.getLogger("youshi.rooms")


# SQLite has one writer (and its shared-cache test database answers "table is locked" to
# concurrent threads instead of waiting): there, keep Channels' single sync thread.
_SERIAL = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def database_sync_to_async(func: Callable[..., Any]) -> Any:
    """Run ORM work in the thread pool, not on the one shared "sync" thread: one socket's
    slow query must not queue every other socket of the process behind it. Each call gets
    its own connection (CONN_MAX_AGE = 0); the Room row lock orders the writes."""
    return _database_sync_to_async(func, thread_sensitive=_SERIAL)


MAX_FRAME_BYTES = 64 * 1024
FLOOD_FRAMES, FLOOD_WINDOW = 30, 10.0  # more frames than this in the window: a flood
CLOSE_TOO_BIG = 1009  # RFC 6455 "message too big"
CLOSE_FLOOD = 4429
PRESENCE_DELAY = 1.0
# Pending presence announcements (kept referenced so they are not collected).
_PENDING: set[asyncio.Future[None]] = set()


class RoomConsumer(AsyncWebsocketConsumer):
    proposal_id: int
    room_id: int
    group: str

    async def connect(self) -> None:
        self.frame_times: list[float] = []
        self.joined = False
        self.proposal_id = int(self.scope["url_route"]["kwargs"]["proposal_id"])
        after = _after(self.scope.get("query_string", b""))
        try:
            hello = await self._run(self._hello, after)
        except ActionError:
            await self.close()  # before accept: the handshake is refused (403)
            return
        self.group = group_name(self.proposal_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_frame(hello)
        await database_sync_to_async(presence.join)(self.channel_name, self.room_id)
        self.joined = True
        await self._presence_soon()

    async def disconnect(self, code: int) -> None:
        if not self.joined:
            return
        self.joined = False
        await self.channel_layer.group_discard(self.group, self.channel_name)
        await database_sync_to_async(presence.leave)(self.channel_name)
        await self._presence_soon()

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        size = len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        if size > MAX_FRAME_BYTES:
            await self.close(code=CLOSE_TOO_BIG)
            return
        if self._flooding():
            await self.close(code=CLOSE_FLOOD)
            return
        frame = _parse(text_data)
        handler = self.HANDLERS.get(str(frame.get("type"))) if frame else None
        if handler is None:
            await self.send_error("invalid", _zh(gettext_noop("This frame is not understood.")))
            return
        try:
            await handler(self, frame)
        except ActionError as exc:
            await self.send_error(exc.code, exc.message)
        except Exception:  # one bad frame must not end the socket or anyone else's
            log.exception("room frame failed")
            await self.send_error(
                "server_error", _zh(gettext_noop("Something went wrong. Please try again."))
            )

    # --- frames from the client ------------------------------------------------------

    async def on_say(self, frame: dict[str, Any]) -> None:
        message, created = await self._run(
            lambda user: actions.say(
                user, self.proposal_id, body=frame.get("body"), client_id=frame.get("client_id")
            )
        )
        if not created:  # a retry: only the sender needs the answer again
            await self.send_frame({"type": "message", "message": message_data(message)})

    async def on_hide(self, frame: dict[str, Any]) -> None:
        await self._run(
            lambda user: actions.hide_message(
                user, self.proposal_id, frame.get("id"), reason=frame.get("reason")
            )
        )

    async def on_mute(self, frame: dict[str, Any]) -> None:
        await self._run(
            lambda user: actions.mute_user(
                user,
                self.proposal_id,
                frame.get("user"),
                minutes=frame.get("minutes"),
                reason=frame.get("reason", ""),
            )
        )
        await self.send_frame({"type": "ok", "of": "mute"})

    async def on_close(self, frame: dict[str, Any]) -> None:
        await self._run(lambda user: actions.close_room(user, self.proposal_id))

    async def on_open(self, frame: dict[str, Any]) -> None:
        await self._run(lambda user: actions.open_room(user, self.proposal_id))

    async def on_report(self, frame: dict[str, Any]) -> None:
        await self._run(
            lambda user: actions.report_message(
                user, self.proposal_id, frame.get("id"), reason=frame.get("reason", "")
            )
        )
        await self.send_frame({"type": "ok", "of": "report"})

    async def on_ping(self, frame: dict[str, Any]) -> None:
        await database_sync_to_async(presence.touch)(self.channel_name)
        await self.send_frame({"type": "pong"})

    HANDLERS: dict[str, Callable[..., Any]] = {
        "say": on_say,
        "hide": on_hide,
        "mute": on_mute,
        "close": on_close,
        "open": on_open,
        "report": on_report,
        "ping": on_ping,
    }

    # --- frames to the client -----------------------------------------------------------

    async def room_broadcast(self, event: dict[str, Any]) -> None:
        await self.send_frame(event["frame"])

    async def send_frame(self, frame: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(frame, ensure_ascii=False))

    async def send_error(self, code: str, message: str) -> None:
        await self.send_frame({"type": "error", "code": code, "message": message})

    # --- helpers ------------------------------------------------------------------------

    async def _run(self, action: Callable[..., Any], *args: Any) -> Any:
        """Run `action(fresh_user, *args)` in a worker thread, with Chinese messages."""
        return await database_sync_to_async(self._with_user)(action, *args)

    def _with_user(self, action: Callable[..., Any], *args: Any) -> Any:
        with translation.override("zh-hans"):
            return action(self._fresh_user(), *args)

    def _fresh_user(self) -> Any:
        """Re-read the session and user from the database on every frame: a user logged out,
        deactivated or whose password changed since connecting is anonymous now (a revoked
        membership is seen by the action's own permission check)."""
        session = self.scope.get("session")
        key = getattr(session, "session_key", None)
        store = import_module(settings.SESSION_ENGINE).SessionStore(key)
        return get_user(SimpleNamespace(session=store))  # type: ignore[arg-type]

    def _hello(self, user: Any, after: int | None) -> dict[str, Any]:
        proposal, room = actions.get_room_for(user, self.proposal_id)
        self.room_id = room.pk
        messages = actions.history(room, after=after)
        session = (
            Session.objects.filter(room=room)
            .exclude(state=SessionState.ENDED)
            .order_by("starts_at")
            .first()
        )
        return {
            "type": "hello",
            "room": {
                **room_data(room, proposal, can_speak=may_speak(user, proposal)),
                "can_moderate": may_moderate_room(user, proposal),
                "last_id": room.last_seq,
            },
            "history": [message_data(m) for m in messages],
            "more": after is not None and len(messages) >= actions.messages.RESYNC_MAX,
            "session": session_data(session) if session else None,
        }

    def _flooding(self) -> bool:
        now = time.monotonic()
        self.frame_times = [t for t in self.frame_times if now - t < FLOOD_WINDOW]
        self.frame_times.append(now)
        return len(self.frame_times) > FLOOD_FRAMES

    async def _presence_soon(self) -> None:
        """Announce the count once for a burst of joins and leaves (trailing edge), so a
        thousand clients connecting do not cause a million presence frames."""
        key = f"rooms:presence-pending:{self.proposal_id}"
        if await database_sync_to_async(cache.add)(key, 1, timeout=30):
            task = asyncio.ensure_future(_announce_presence(self.proposal_id, self.room_id, key))
            _PENDING.add(task)
            task.add_done_callback(_PENDING.discard)


async def _announce_presence(proposal_id: int, room_id: int, key: str) -> None:
    await asyncio.sleep(getattr(settings, "ROOMS_PRESENCE_DELAY", PRESENCE_DELAY))
    await database_sync_to_async(cache.delete)(key)
    number = await database_sync_to_async(presence.count)(room_id)
    layer = get_channel_layer()
    if layer is not None:
        await layer.group_send(
            group_name(proposal_id),
            {"type": "room.broadcast", "frame": {"type": "presence", "count": number}},
        )


def _after(query_string: bytes) -> int | None:
    values = parse_qs(query_string.decode("latin-1")).get("after", [])
    if values and values[0] == "0":
        return 0  # everything from the start
    return as_id(values[0]) if values else None


def _parse(text: str | None) -> dict[str, Any] | None:
    try:
        frame = json.loads(text) if text is not None else None
    except ValueError:
        return None
    return frame if isinstance(frame, dict) else None


def _zh(message: str) -> str:
    with translation.override("zh-hans"):
        return translation.gettext(message)
