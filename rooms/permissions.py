"""Named predicates about rooms. Listening needs only that the proposal is visible
(proposals.access.get_proposal_for); these answer the rest."""

from typing import Any

from accounts.permissions import may_moderate, may_participate
from proposals.models import Proposal, State
from proposals.permissions import is_signed_in
from rooms.models import Room, RoomState


def room_state(room: Room | None, proposal: Proposal) -> RoomState:
    """Open while the proposal is deliberating and the committee has not closed it."""
    if proposal.state == State.DELIBERATING and not (room and room.closed):
        return RoomState.OPEN
    return RoomState.CLOSED


def may_speak(user: Any, proposal: Proposal) -> bool:
    """Approved residents and the committee of the village, and staff above it."""
    if not is_signed_in(user) or not getattr(user, "is_active", False):
        return False
    return may_participate(user, proposal.region) or may_moderate(user, proposal.region)


def may_moderate_room(user: Any, proposal: Proposal) -> bool:
    return is_signed_in(user) and may_moderate(user, proposal.region)


def may_report(user: Any, proposal: Proposal) -> bool:
    return may_speak(user, proposal)
