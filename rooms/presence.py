"""Who is connected, counted the same by every process: one row per socket."""

from datetime import timedelta

from django.utils import timezone

from rooms.models import Presence

# A socket pings at least every 30 s (docs/websocket.md); rows older than this belong
# to a process that died without running its disconnect handlers.
STALE_AFTER = timedelta(minutes=5)


def join(channel_name: str, room_id: int) -> None:
    Presence.objects.update_or_create(
        channel_name=channel_name, defaults={"room_id": room_id, "seen": timezone.now()}
    )


def touch(channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).update(seen=timezone.now())


def leave(channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).delete()


def count(room_id: int) -> int:
    return Presence.objects.filter(room_id=room_id, seen__gt=timezone.now() - STALE_AFTER).count()


def sweep() -> int:
    deleted, _ = Presence.objects.filter(seen__lte=timezone.now() - STALE_AFTER).delete()
    return deleted
