"""协商会: the committee schedules a live session; the beat task starts and ends it;
afterwards the committee writes minutes (prefilled from the transcript) and publishes them."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.errors import ActionError, Conflict, NotFound
from core.parse import as_id
from proposals.models import Proposal
from rooms.actions.common import TooLong, get_room_for
from rooms.actions.moderation import _moderated_room
from rooms.broadcast import broadcast
from rooms.frames import session_data
from rooms.models import Message, Session, SessionState

TITLE_MAX = 60
AGENDA_ITEMS_MAX = 20
AGENDA_ITEM_MAX = 100
MINUTES_MAX = 20000


def clean_agenda(items: Iterable[Any]) -> list[str]:
    agenda = [str(item).strip() for item in items if str(item).strip()]
    if len(agenda) > AGENDA_ITEMS_MAX:
        raise ActionError(_("At most 20 agenda items."), field="agenda")
    if any(len(item) > AGENDA_ITEM_MAX for item in agenda):
        raise TooLong(_("Each agenda item has 100 characters at most."), field="agenda")
    return agenda


def schedule_session(
    user: Any,
    proposal_id: Any,
    *,
    title: Any,
    agenda: Iterable[Any],
    starts_at: datetime,
    ends_at: datetime,
) -> Session:
    proposal, room = _moderated_room(user, proposal_id)
    title = str(title or "").strip()
    if not title:
        raise ActionError(_("Please give the session a title."), field="title")
    if len(title) > TITLE_MAX:
        raise TooLong(_("The title is too long (60 characters at most)."), field="title")
    items = clean_agenda(agenda)
    if ends_at <= starts_at:
        raise ActionError(_("The session must end after it starts."), field="ends_at")
    if ends_at <= timezone.now():
        raise ActionError(_("The session must end in the future."), field="ends_at")
    with transaction.atomic():
        session = Session.objects.create(
            room=room,
            title=title,
            agenda=items,
            starts_at=starts_at,
            ends_at=ends_at,
            created_by=user,
        )
        audit.record(
            user,
            "room.session_scheduled",
            room,
            region=proposal.region,
            session=session.pk,
            title=title,
        )
        broadcast(proposal.pk, {"type": "session", "session": session_data(session)})
    return session


def start_due_sessions(now: datetime | None = None) -> list[int]:
    """Scheduled sessions whose start has come (and end has not) begin. Safe to run twice."""
    now = now or timezone.now()
    due = Session.objects.filter(state=SessionState.SCHEDULED, starts_at__lte=now, ends_at__gt=now)
    return [
        pk
        for pk in due.values_list("pk", flat=True)
        if _move(pk, SessionState.SCHEDULED, SessionState.RUNNING)
    ]


def end_due_sessions(now: datetime | None = None) -> list[int]:
    """Running or never-started sessions whose end has passed are over. Safe to run twice."""
    now = now or timezone.now()
    due = Session.objects.filter(
        state__in=[SessionState.SCHEDULED, SessionState.RUNNING], ends_at__lte=now
    )
    return [pk for pk in due.values_list("pk", flat=True) if _move(pk, None, SessionState.ENDED)]


def _move(pk: int, source: SessionState | None, target: SessionState) -> bool:
    with transaction.atomic():
        session = (
            Session.objects.select_for_update(of=("self",))
            .select_related("room__proposal__region")
            .filter(pk=pk)
            .first()
        )
        # Re-check under the lock: a second worker running the same tick changes nothing.
        if session is None or session.state == target or session.state == SessionState.ENDED:
            return False
        if source is not None and session.state != source:
            return False
        session.state = target
        session.save(update_fields=["state"])
        if target == SessionState.ENDED and not session.minutes:
            session.minutes = prefill_minutes(session)
            session.save(update_fields=["minutes"])
        proposal = session.room.proposal
        verb = "room.session_started" if target == SessionState.RUNNING else "room.session_ended"
        audit.record(None, verb, session.room, region=proposal.region, session=session.pk)
        broadcast(proposal.pk, {"type": "session", "session": session_data(session)})
    return True


def prefill_minutes(session: Session) -> str:
    """A draft of the minutes: the agenda, then what was said during the session."""
    lines = [session.title, ""]
    if session.agenda:
        lines.append(_("Agenda:"))
        lines += [f"{number}. {item}" for number, item in enumerate(session.agenda, 1)]
        lines.append("")
    lines.append(_("Transcript:"))
    said = (
        Message.objects.filter(
            room=session.room,
            hidden=False,
            created__gte=session.starts_at,
            created__lte=session.ends_at,
        )
        .select_related("author")
        .order_by("seq")[:2000]
    )
    for message in said:
        time = timezone.localtime(message.created).strftime("%H:%M")
        lines.append(f"{time} {message.author.name}：{message.body}")
    return "\n".join(lines)[:MINUTES_MAX]


def get_session_for(user: Any, proposal_id: Any, session_id: Any) -> tuple[Proposal, Session]:
    proposal, room = get_room_for(user, proposal_id)
    session = Session.objects.filter(room=room, pk=as_id(session_id) or 0).first()
    if session is None:
        raise NotFound(_("This session does not exist."))
    return proposal, session


def save_minutes(
    user: Any, proposal_id: Any, session_id: Any, *, minutes: Any, publish: bool = False
) -> Session:
    """The committee edits the minutes of an ended session and, when ready, publishes them."""
    proposal, room = _moderated_room(user, proposal_id)
    text = str(minutes or "").replace("\r\n", "\n").strip()
    if len(text) > MINUTES_MAX:
        raise TooLong(_("The minutes are too long (20,000 characters at most)."), field="minutes")
    if publish and not text:
        raise ActionError(_("The minutes cannot be empty."), field="minutes")
    key = as_id(session_id)
    if key is None:
        raise NotFound(_("This session does not exist."))
    with transaction.atomic():
        session = Session.objects.select_for_update().filter(room=room, pk=key).first()
        if session is None:
            raise NotFound(_("This session does not exist."))
        if session.state != SessionState.ENDED:
            raise Conflict(_("Minutes can be written once the session has ended."))
        session.minutes = text
        fields = ["minutes"]
        if publish and session.minutes_published_at is None:
            session.minutes_published_at = timezone.now()
            fields.append("minutes_published_at")
        session.save(update_fields=fields)
        verb = "room.minutes_published" if publish else "room.minutes_edited"
        audit.record(user, verb, room, region=proposal.region, session=session.pk)
    return session
