"""Live turnout over the proposal's websocket (the room socket of consult/rooms).

Room sockets join the channel-layer group `proposal.<id>` and forward
`{"type": "room.broadcast", "frame": {...}}` messages to their clients unchanged.
Only turnout is pushed, never a running tally (secret ballots hide it until close).
"""

import asyncio
import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from ballots.models import Ballot

logger = logging.getLogger("youshi")
_pending: set[asyncio.Task] = set()  # keep scheduled sends alive until done


def group_name(proposal_id: int) -> str:
    return f"proposal.{proposal_id}"


def turnout_frame(ballot: Ballot) -> dict[str, Any]:
    return {
        "type": "turnout",
        "ballot": ballot.pk,
        "voted": ballot.voted_count,
        "electorate": ballot.electorate_size,
        "turnout": ballot.turnout_percent,
    }


def push_turnout(ballot: Ballot) -> None:
    """Send the ballot's turnout to the proposal's room once the transaction commits."""
    frame = turnout_frame(ballot)
    group = group_name(ballot.proposal_id)
    transaction.on_commit(lambda: _send(group, frame))


def _send(group: str, frame: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "room.broadcast", "frame": frame}
    # A lost live frame is harmless (the page shows the stored count): never fail a vote.
    try:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            async_to_sync(layer.group_send)(group, message)
        else:  # called from a thread that runs an event loop: schedule, do not block it
            task = loop.create_task(layer.group_send(group, message))
            _pending.add(task)
            task.add_done_callback(_pending.discard)
    except Exception:
        logger.warning("turnout broadcast failed", exc_info=True)
