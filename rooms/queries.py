"""Read-side queries for the pages and the API, each with a fixed number of queries."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.audit import entries_for
from core.errors import NotFound
from core.models import AuditEntry
from proposals.models import Proposal
from rooms.actions import get_room_for
from rooms.models import Report, Room, Session
from rooms.permissions import may_moderate_room


def moderated_room(user: Any, pk: Any) -> tuple[Proposal, Room]:
    """Like get_room_for, but a non-moderator is told the room's log does not exist."""
    proposal, room = get_room_for(user, pk)
    if not may_moderate_room(user, proposal):
        raise NotFound(_("This matter does not exist."))
    return proposal, room


def moderation_log(room: Room) -> QuerySet[AuditEntry]:
    return entries_for(room).order_by("-created", "-id")


def open_reports(room: Room) -> QuerySet[Report]:
    return (
        Report.objects.filter(message__room=room, message__hidden=False)
        .select_related("message__author", "reporter")
        .order_by("-created")
    )


def sessions(room: Room) -> list[Session]:
    return list(Session.objects.filter(room=room).order_by("starts_at", "id"))
