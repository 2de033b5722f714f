"""{% room_panel proposal %}: the room's box on the proposal page (two queries)."""

from typing import Any

from django import template

from proposals.models import Proposal
from rooms.models import Room, Session, SessionState
from rooms.permissions import may_moderate_room, room_state

register = template.Library()


@register.inclusion_tag("rooms/_room_panel.html", takes_context=True)
def room_panel(context: dict[str, Any], proposal: Proposal) -> dict[str, Any]:
    room = Room.objects.filter(proposal=proposal).first()
    sessions = list(Session.objects.filter(room=room)) if room else []
    return {
        "proposal": proposal,
        "room": room,
        "state": room_state(room, proposal),
        "running": [s for s in sessions if s.state == SessionState.RUNNING],
        "upcoming": [s for s in sessions if s.state == SessionState.SCHEDULED],
        "published": [s for s in sessions if s.minutes_published_at],
        "can_moderate": may_moderate_room(context.get("user"), proposal),
        "message_count": room.last_seq if room else 0,
    }
