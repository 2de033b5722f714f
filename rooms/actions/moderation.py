"""The committee keeps order: hide, mute, close and reopen; residents report."""

from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.errors import ActionError, Conflict, Forbidden, NotFound
from core.parse import as_id
from proposals.models import Proposal, State
from rooms.actions.common import clean_reason, get_room_for, require_signed_in
from rooms.broadcast import broadcast
from rooms.models import REASON_MAX, Message, Mute, Report, Room
from rooms.permissions import may_moderate_room, may_report, room_state

MUTE_MAX_MINUTES = 24 * 60


def _moderated_room(user: Any, proposal_id: Any) -> tuple[Proposal, Room]:
    require_signed_in(user)
    proposal, room = get_room_for(user, proposal_id)
    if not may_moderate_room(user, proposal):
        raise Forbidden(_("Only the committee of this village can do this."))
    return proposal, room


def _message(room: Room, seq: Any, *, lock: bool = False) -> Message:
    key = as_id(seq)
    if key is None:
        raise NotFound(_("This message does not exist."), field="id")
    queryset = Message.objects.filter(room=room, seq=key)
    if lock:
        queryset = queryset.select_for_update()
    message = queryset.first()
    if message is None:
        raise NotFound(_("This message does not exist."), field="id")
    return message


def hide_message(user: Any, proposal_id: Any, seq: Any, *, reason: Any) -> Message:
    """Replace a message by "该发言已被隐藏" and the reason, everywhere. Hiding twice is a no-op."""
    proposal, room = _moderated_room(user, proposal_id)
    reason = clean_reason(reason, required=True, max_length=REASON_MAX)
    with transaction.atomic():
        message = _message(room, seq, lock=True)
        if message.hidden:
            return message
        message.hidden, message.hidden_reason, message.hidden_by = True, reason, user
        message.save(update_fields=["hidden", "hidden_reason", "hidden_by"])
        audit.record(
            user,
            "room.message_hidden",
            room,
            region=proposal.region,
            reason=reason,
            message=message.seq,
            author=message.author_id,
        )
        broadcast(proposal.pk, {"type": "hidden", "id": message.seq, "reason": reason})
    return message


def mute_user(user: Any, proposal_id: Any, target: Any, *, minutes: Any, reason: Any = "") -> Mute:
    """Keep a person from speaking in this room for N minutes (1 to 1440)."""
    proposal, room = _moderated_room(user, proposal_id)
    zero = minutes == "0" or (type(minutes) is int and minutes == 0)
    count = 0 if zero else as_id(minutes)
    if count is None:
        raise ActionError(_("Minutes must be a whole number."), field="minutes")
    if not 1 <= count <= MUTE_MAX_MINUTES:
        raise ActionError(_("Mute for 1 to 1440 minutes."), field="minutes")
    reason = clean_reason(reason, required=False, max_length=REASON_MAX)
    person = _user(target)
    with transaction.atomic():
        mute = Mute.objects.create(
            room=room, user=person, by=user, until=timezone.now() + timedelta(minutes=int(minutes))
        )
        audit.record(
            user,
            "room.user_muted",
            room,
            region=proposal.region,
            reason=reason,
            user=person.pk,
            name=person.name,
            minutes=count,
        )
    return mute


def _user(target: Any) -> User:
    found = User.objects.filter(pk=as_id(target) or 0).first()
    if found is None:
        raise ActionError(_("This person does not exist."), field="user")
    return found


def close_room(user: Any, proposal_id: Any, *, reason: Any = "") -> Room:
    return _set_closed(user, proposal_id, closed=True, reason=reason)


def open_room(user: Any, proposal_id: Any, *, reason: Any = "") -> Room:
    return _set_closed(user, proposal_id, closed=False, reason=reason)


def _set_closed(user: Any, proposal_id: Any, *, closed: bool, reason: Any) -> Room:
    proposal, room = _moderated_room(user, proposal_id)
    reason = clean_reason(reason, required=False, max_length=REASON_MAX)
    if not closed and proposal.state != State.DELIBERATING:
        raise Conflict(_("A room can only be open while the matter is being deliberated."))
    with transaction.atomic():
        locked = Room.objects.select_for_update().get(pk=room.pk)
        if locked.closed == closed:
            return locked
        locked.closed = closed
        locked.save(update_fields=["closed"])
        audit.record(
            user,
            "room.closed" if closed else "room.opened",
            locked,
            region=proposal.region,
            reason=reason,
        )
        state = room_state(locked, proposal)
        broadcast(proposal.pk, {"type": "room", "state": str(state)})
    return locked


def report_message(user: Any, proposal_id: Any, seq: Any, *, reason: Any = "") -> Report:
    """Flag a message for the committee. Reporting twice keeps the first report."""
    require_signed_in(user)
    proposal, room = get_room_for(user, proposal_id)
    if not may_report(user, proposal):
        raise Forbidden(_("Only residents of this village can report messages."))
    reason = clean_reason(reason, required=False, max_length=REASON_MAX)
    message = _message(room, seq)
    existing = Report.objects.filter(message=message, reporter=user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            report = Report.objects.create(message=message, reporter=user, reason=reason)
            audit.record(
                user,
                "room.message_reported",
                room,
                region=proposal.region,
                reason=reason,
                message=message.seq,
            )
    except IntegrityError:  # a double click raced us; the database kept one
        return Report.objects.get(message=message, reporter=user)
    return report
