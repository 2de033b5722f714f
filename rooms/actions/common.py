"""Errors and the one door to a room: through the proposal's own access check."""

from typing import Any

from django.utils.translation import gettext as _

from core.errors import ActionError, Conflict, Forbidden
from proposals.access import get_proposal_for
from proposals.models import Proposal
from rooms.models import Room


class TooLong(ActionError):
    code = "too_long"


class RoomClosed(Conflict):
    code = "room_closed"


class Muted(Forbidden):
    code = "muted"


def room_for(proposal: Proposal) -> Room:
    """The proposal's room, created on first use (every published proposal has one)."""
    room, _created = Room.objects.get_or_create(proposal=proposal)
    return room


def get_room_for(user: Any, proposal_id: Any) -> tuple[Proposal, Room]:
    """(proposal, room) if the user may see the proposal, else NotFound."""
    proposal = get_proposal_for(user, proposal_id)
    return proposal, room_for(proposal)


def require_signed_in(user: Any) -> None:
    if not getattr(user, "is_authenticated", False):
        raise Forbidden(_("Please log in first."))


def clean_reason(value: Any, *, required: bool, max_length: int) -> str:
    reason = value.strip() if isinstance(value, str) else ""
    if value is not None and not isinstance(value, str):
        raise ActionError(_("The reason must be text."), field="reason")
    if required and not reason:
        raise ActionError(_("Please give a reason."), field="reason")
    if len(reason) > max_length:
        raise TooLong(_("The reason is too long (200 characters at most)."), field="reason")
    return reason
