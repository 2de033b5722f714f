"""Speaking in a room, and reading what was said."""

import re
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ratelimit
from core.errors import ActionError, Forbidden, TooMany
from proposals.models import Proposal
from rooms.actions.common import Muted, RoomClosed, TooLong, get_room_for, require_signed_in
from rooms.broadcast import broadcast
from rooms.frames import message_data
from rooms.models import BODY_MAX, CLIENT_ID_MAX, Message, Mute, Room, RoomState
from rooms.permissions import may_speak, room_state

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CLIENT_ID = re.compile(rf"^[A-Za-z0-9_-]{{1,{CLIENT_ID_MAX}}}$")
HISTORY_LATEST = 50
RESYNC_MAX = 500


def say_limit() -> tuple[int, int]:
    """(messages, seconds) per user: enough to talk, too few to flood."""
    return getattr(settings, "ROOMS_SAY_LIMIT", (5, 10))


def clean_message_body(value: Any) -> str:
    """Plain text, line breaks kept; escaped on output, so "<" is just a character."""
    if not isinstance(value, str):
        raise ActionError(_("The message must be text."), field="body")
    body = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        raise ActionError(_("The message cannot be empty."), field="body")
    if len(body) > BODY_MAX:
        raise TooLong(
            _("The message is too long (%(max)d characters at most, you wrote %(count)d).")
            % {"max": BODY_MAX, "count": len(body)},
            field="body",
        )
    return body


def clean_client_id(value: Any) -> str:
    if not isinstance(value, str) or not _CLIENT_ID.match(value):
        raise ActionError(_("The message has no valid client id."), field="client_id")
    return value


def say(user: Any, proposal_id: Any, *, body: Any, client_id: Any) -> tuple[Message, bool]:
    """Save a message, then broadcast it. Returns (message, created).

    A repeated client_id from the same author returns the stored message (created=False)
    and broadcasts nothing: the retry of a send whose answer was lost.
    """
    require_signed_in(user)
    body, client_id = clean_message_body(body), clean_client_id(client_id)
    proposal, room = get_room_for(user, proposal_id)
    if not may_speak(user, proposal):
        raise Forbidden(_("Only residents and the committee of this village can speak here."))
    existing = _existing(room, user, client_id)
    if existing is not None:
        return existing, False
    _check_may_say_now(user, proposal, room)
    with transaction.atomic():
        # The row lock serialises numbering: ids go up by one, with no gaps and no repeats.
        locked = Room.objects.select_for_update().get(pk=room.pk)
        if room_state(locked, proposal) != RoomState.OPEN:
            raise RoomClosed(_("This room is closed; you can read but not speak."))
        existing = _existing(locked, user, client_id)
        if existing is not None:
            return existing, False
        locked.last_seq += 1
        locked.save(update_fields=["last_seq"])
        message = Message.objects.create(
            room=locked, seq=locked.last_seq, author=user, body=body, client_id=client_id
        )
        message.author = user
        broadcast(proposal.pk, {"type": "message", "message": message_data(message)})
    return message, True


def _existing(room: Room, user: Any, client_id: str) -> Message | None:
    return (
        Message.objects.filter(room=room, author=user, client_id=client_id)
        .select_related("author")
        .first()
    )


def _check_may_say_now(user: Any, proposal: Proposal, room: Room) -> None:
    if room_state(room, proposal) != RoomState.OPEN:
        raise RoomClosed(_("This room is closed; you can read but not speak."))
    mute = Mute.objects.filter(room=room, user=user, until__gt=timezone.now()).first()
    if mute is not None:
        until = timezone.localtime(mute.until).strftime("%H:%M")
        raise Muted(_("The committee has muted you in this room until %(time)s.") % {"time": until})
    limit, window = say_limit()
    if not ratelimit.allow(f"room:say:{user.pk}", limit=limit, window=window):
        raise TooMany(_("You are sending messages too fast. Please wait a few seconds."))


def history(
    room: Room, *, after: int | None = None, before: int | None = None, limit: int = HISTORY_LATEST
) -> list[Message]:
    """Messages in id order: every one after `after` (up to RESYNC_MAX), else the latest `limit`."""
    queryset: QuerySet[Message] = Message.objects.filter(room=room).select_related("author")
    if after is not None:
        return list(queryset.filter(seq__gt=after).order_by("seq")[:RESYNC_MAX])
    if before is not None:
        queryset = queryset.filter(seq__lt=before)
    return list(reversed(queryset.order_by("-seq")[:limit]))
