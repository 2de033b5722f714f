"""The JSON shapes shared by the websocket, the API and the pages' script."""

from typing import Any

from proposals.models import Proposal
from rooms.models import Message, Room, Session
from rooms.permissions import room_state


def message_data(message: Message) -> dict[str, Any]:
    """A message as every surface sends it. Hidden messages keep their id, lose their text."""
    return {
        "id": message.seq,
        "author": {"id": message.author_id, "name": message.author.name},
        "body": "" if message.hidden else message.body,
        "created": message.created.isoformat(),
        "client_id": message.client_id,
        "hidden": message.hidden,
        "reason": message.hidden_reason if message.hidden else "",
    }


def room_data(room: Room | None, proposal: Proposal, *, can_speak: bool) -> dict[str, Any]:
    return {"id": proposal.pk, "state": str(room_state(room, proposal)), "can_speak": can_speak}


def session_data(session: Session) -> dict[str, Any]:
    return {
        "id": session.pk,
        "title": session.title,
        "agenda": list(session.agenda),
        "starts": session.starts_at.isoformat(),
        "ends": session.ends_at.isoformat(),
        "state": session.state,
    }
