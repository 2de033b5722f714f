"""Rooms (议事厅): one per proposal, its messages (发言), mutes, reports, sessions (协商会)
and who is connected (presence).

A message's public id is its per-room sequence number `seq`: it increases by one for
each message of the room, under a row lock on the Room, so a client that saw id N asks
for "after N" and misses nothing.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

BODY_MAX = 1000
REASON_MAX = 200
CLIENT_ID_MAX = 64


class RoomState(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class Room(models.Model):
    proposal = models.OneToOneField(
        "consult.Proposal",
        on_delete=models.CASCADE,
        related_name="room",
        verbose_name=_("proposal"),
    )
    # Closed by a moderator; the room is open only while the proposal is deliberating too.
    closed = models.BooleanField(_("closed by the committee"), default=False)
    last_seq = models.PositiveIntegerField(_("last message number"), default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self) -> str:
        return f"议事厅 #{self.proposal_id}"


class Message(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="room_messages",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"), max_length=BODY_MAX)
    client_id = models.CharField(max_length=CLIENT_ID_MAX)
    created = models.DateTimeField(_("said at"), auto_now_add=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=REASON_MAX, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["room", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["room", "seq"], name="one_message_per_room_seq"),
            # A client retrying the same send is stored once.
            models.UniqueConstraint(
                fields=["room", "author", "client_id"], name="one_message_per_client_id"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room_id}#{self.seq}"


class Mute(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="mutes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    until = models.DateTimeField(_("muted until"), db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mute")
        verbose_name_plural = _("mutes")
        indexes = [models.Index(fields=["room", "user", "until"], name="mute_lookup")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.room_id} until {self.until:%Y-%m-%d %H:%M}"


class Report(models.Model):
    """举报: a signed-in resident flags a message for the committee."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=REASON_MAX, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="one_report_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.reporter_id} → {self.message_id}"


class SessionState(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    RUNNING = "running", _("in progress")
    ENDED = "ended", _("ended")


class Session(models.Model):
    """协商会: a scheduled live meeting in a room, with an agenda and, afterwards, minutes."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=60)
    agenda = models.JSONField(_("agenda"), default=list)  # a list of short strings
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    state = models.CharField(
        _("state"), max_length=12, choices=SessionState.choices, default=SessionState.SCHEDULED
    )
    minutes = models.TextField(_("minutes"), blank=True, max_length=20000)
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["state", "starts_at"], name="session_due")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Presence(models.Model):
    """One row per open socket, keyed by its channel name: every process counts the same.

    Deleted on disconnect; a socket touches `seen` when it pings, and the sweeper task
    removes rows of processes that died without saying goodbye.
    """

    channel_name = models.CharField(max_length=120, unique=True)
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="presences")
    seen = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.channel_name
