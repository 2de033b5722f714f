"""/api/v1/proposals/{id}/messages and the room's moderation endpoints.

The same actions as the socket; errors in the API's one shape.
"""

from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from core.api import session_auth
from rooms import actions, queries
from rooms.frames import message_data, room_data
from rooms.permissions import may_speak

router = Router(tags=["rooms"])
LOG_PAGE_SIZE = 50


class Author(Schema):
    id: int
    name: str


class MessageOut(Schema):
    id: int
    author: Author
    body: str
    created: datetime
    client_id: str
    hidden: bool
    reason: str


class RoomOut(Schema):
    id: int
    state: str
    can_speak: bool


class MessagesOut(Schema):
    room: RoomOut
    items: list[MessageOut]
    more: bool


class MessagesQuery(Schema):
    after: int | None = None
    before: int | None = None


class SayIn(Schema):
    body: str = ""
    client_id: str = ""


class ReasonIn(Schema):
    reason: str = ""


class MuteIn(Schema):
    user: int
    minutes: int
    reason: str = ""


class Ok(Schema):
    ok: bool


class LogEntry(Schema):
    verb: str
    actor: str | None
    time: datetime
    reason: str
    data: dict[str, Any]


class LogPage(Schema):
    items: list[LogEntry]
    count: int
    page: int
    pages: int


@router.get("/{int:pk}/messages", response=MessagesOut)
def messages(request: HttpRequest, pk: int, filters: Query[MessagesQuery]) -> dict[str, Any]:
    """The latest 50 messages, or every message after `after` (500 at most; `more` says if
    there are further ones), in id order. Anyone who may see the proposal may read."""
    proposal, room = actions.get_room_for(request.user, pk)
    found = actions.history(room, after=filters.after, before=filters.before)
    more = filters.after is not None and len(found) >= actions.messages.RESYNC_MAX
    return {
        "room": room_data(room, proposal, can_speak=may_speak(request.user, proposal)),
        "items": [message_data(m) for m in found],
        "more": more,
    }


@router.post("/{int:pk}/messages", response={200: MessageOut, 201: MessageOut}, auth=session_auth)
def say(request: HttpRequest, pk: int, payload: SayIn) -> Any:
    message, created = actions.say(request.user, pk, body=payload.body, client_id=payload.client_id)
    return Status(201 if created else 200, message_data(message))


@router.post("/{int:pk}/messages/{int:seq}/hide", response=MessageOut, auth=session_auth)
def hide(request: HttpRequest, pk: int, seq: int, payload: ReasonIn) -> dict[str, Any]:
    return message_data(actions.hide_message(request.user, pk, seq, reason=payload.reason))


@router.post("/{int:pk}/messages/{int:seq}/report", response=Ok, auth=session_auth)
def report(request: HttpRequest, pk: int, seq: int, payload: ReasonIn) -> dict[str, Any]:
    actions.report_message(request.user, pk, seq, reason=payload.reason)
    return {"ok": True}


@router.post("/{int:pk}/room/mute", response=Ok, auth=session_auth)
def mute(request: HttpRequest, pk: int, payload: MuteIn) -> dict[str, Any]:
    actions.mute_user(
        request.user, pk, payload.user, minutes=payload.minutes, reason=payload.reason
    )
    return {"ok": True}


@router.post("/{int:pk}/room/close", response=RoomOut, auth=session_auth)
def close(request: HttpRequest, pk: int, payload: ReasonIn) -> dict[str, Any]:
    room = actions.close_room(request.user, pk, reason=payload.reason)
    return room_data(room, room.proposal, can_speak=may_speak(request.user, room.proposal))


@router.post("/{int:pk}/room/open", response=RoomOut, auth=session_auth)
def reopen(request: HttpRequest, pk: int, payload: ReasonIn) -> dict[str, Any]:
    room = actions.open_room(request.user, pk, reason=payload.reason)
    return room_data(room, room.proposal, can_speak=may_speak(request.user, room.proposal))


@router.get("/{int:pk}/room/log", response=LogPage, auth=session_auth)
def moderation_log(request: HttpRequest, pk: int, page: int = 1) -> dict[str, Any]:
    """The moderators' log: every moderation act and report, newest first."""
    _proposal, room = queries.moderated_room(request.user, pk)
    found = Paginator(queries.moderation_log(room), LOG_PAGE_SIZE).get_page(page)
    items = [
        {
            "verb": e.verb,
            "actor": e.actor.name if e.actor else None,
            "time": e.created,
            "reason": e.reason,
            "data": e.data,
        }
        for e in found
    ]
    return {
        "items": items,
        "count": found.paginator.count,
        "page": found.number,
        "pages": found.paginator.num_pages,
    }
