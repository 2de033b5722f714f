"""Every write about rooms. The consumer, the API, the pages and the tasks call these."""

from rooms.actions.common import Muted, RoomClosed, TooLong, get_room_for, room_for
from rooms.actions.messages import history, say
from rooms.actions.moderation import (
    close_room,
    hide_message,
    mute_user,
    open_room,
    report_message,
)
from rooms.actions.sessions import (
    end_due_sessions,
    prefill_minutes,
    save_minutes,
    schedule_session,
    start_due_sessions,
)

__all__ = [
    "Muted",
    "RoomClosed",
    "TooLong",
    "close_room",
    "end_due_sessions",
    "get_room_for",
    "hide_message",
    "history",
    "mute_user",
    "open_room",
    "prefill_minutes",
    "report_message",
    "room_for",
    "save_minutes",
    "say",
    "schedule_session",
    "start_due_sessions",
]
