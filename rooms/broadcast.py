"""Fan-out to every socket of a proposal's room, across processes (channels-redis).

Every room socket joins the group `proposal.<id>`. A group message
`{"type": "room.broadcast", "frame": {...}}` makes each consumer send `frame` to its
client unchanged. Actions call broadcast(); it sends once the transaction commits, so a
frame never announces something that was rolled back (save first, broadcast second).
"""

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

log = logging.getLogger("youshi.rooms")


def group_name(proposal_id: int) -> str:
    return f"proposal.{int(proposal_id)}"


def broadcast(proposal_id: int, frame: dict[str, Any]) -> None:
    """Send `frame` to every client in the proposal's room after the current transaction commits."""
    transaction.on_commit(lambda: send_now(proposal_id, frame))


def send_now(proposal_id: int, frame: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(
            group_name(proposal_id), {"type": "room.broadcast", "frame": frame}
        )
    except Exception:  # the data is saved; clients resync by id when they see a gap
        log.exception("broadcast to proposal %s failed", proposal_id)
