"""The room follows its matter: entering or leaving deliberation opens or closes it."""

from typing import Any

from django.dispatch import receiver

from proposals.lifecycle import state_changed
from proposals.models import Proposal, State
from rooms.broadcast import broadcast
from rooms.models import Room
from rooms.permissions import room_state


@receiver(state_changed, dispatch_uid="rooms.announce_room_state")
def announce_room_state(
    sender: Any, *, proposal_id: int, source: str, target: str, **_: Any
) -> None:
    if State.DELIBERATING not in {source, target}:
        return
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        return
    room = Room.objects.filter(proposal=proposal).first()
    broadcast(proposal_id, {"type": "room", "state": str(room_state(room, proposal))})
