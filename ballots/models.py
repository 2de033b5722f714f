"""Ballots (表决), their electorate and votes.

Secrecy by construction: in a secret ballot the roll (who voted) and the papers (what was
chosen) share nothing but the ballot. Papers and their choices have random UUID keys and
no timestamps, so neither an id nor a time orders them against the roll.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

QUESTION_MAX = 200
OPTION_MAX = 60
MAX_OPTIONS = 20
DEFAULT_QUORUM = 50


class Kind(models.TextChoices):
    YES_NO = "yes_no", _("yes / no / abstain")
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")


class PassRule(models.TextChoices):
    SIMPLE = "simple", _("more than half of the votes cast")
    TWO_THIRDS = "two_thirds", _("two thirds of the votes cast")
    ELECTORATE = "electorate", _("more than half of the electorate")


class BallotState(models.TextChoices):
    SCHEDULED = "scheduled", _("not yet open")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    CANCELLED = "cancelled", _("cancelled")


class OptionRole(models.TextChoices):
    """What an option means in a yes/no ballot; plain options in the other kinds."""

    PLAIN = "", _("option")
    YES = "yes", _("yes")
    NO = "no", _("no")
    ABSTAIN = "abstain", _("abstain")


class BallotDefaults(models.Model):
    """The village's standing rules, set by the committee; each ballot may override them."""

    region = models.OneToOneField(
        "accounts.Region", on_delete=models.CASCADE, related_name="ballot_defaults"
    )
    quorum_percent = models.PositiveSmallIntegerField(_("quorum (%)"), default=DEFAULT_QUORUM)
    pass_rule = models.CharField(
        _("pass rule"), max_length=12, choices=PassRule.choices, default=PassRule.SIMPLE
    )

    class Meta:
        verbose_name = _("ballot defaults")
        verbose_name_plural = _("ballot defaults")

    def __str__(self) -> str:
        return f"{self.region} {self.quorum_percent}% {self.pass_rule}"


class Ballot(models.Model):
    proposal = models.ForeignKey(
        "consult.Proposal", on_delete=models.PROTECT, related_name="ballots"
    )
    question = models.CharField(_("question"), max_length=QUESTION_MAX)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.YES_NO)
    max_choices = models.PositiveSmallIntegerField(_("at most this many choices"), default=1)
    secret = models.BooleanField(_("secret ballot"), default=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), db_index=True)
    quorum_percent = models.PositiveSmallIntegerField(_("quorum (%)"))
    pass_rule = models.CharField(_("pass rule"), max_length=12, choices=PassRule.choices)
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=BallotState.choices,
        default=BallotState.SCHEDULED,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    # Counters kept under the ballot's row lock: the live turnout needs no counting.
    electorate_size = models.PositiveIntegerField(default=0)
    voted_count = models.PositiveIntegerField(default=0)
    # Filled once, at close.
    tallied_at = models.DateTimeField(null=True, blank=True)
    quorum_met = models.BooleanField(null=True)
    passed = models.BooleanField(null=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["-created", "-id"]
        constraints = [
            # One live ballot per proposal; cancelled ones stay as history.
            models.UniqueConstraint(
                fields=["proposal"],
                condition=~Q(state="cancelled"),
                name="one_live_ballot_per_proposal",
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="ballot_closes_after_open"
            ),
            models.CheckConstraint(
                condition=Q(quorum_percent__lte=100), name="ballot_quorum_is_a_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("ballots:ballot_detail", args=[self.pk])

    @property
    def turnout_percent(self) -> float:
        if not self.electorate_size:
            return 0.0
        return round(100 * self.voted_count / self.electorate_size, 1)

    @property
    def results_visible(self) -> bool:
        """Running tallies of a secret ballot stay hidden until it closes."""
        return self.state == BallotState.CLOSED or (
            not self.secret and self.state == BallotState.OPEN
        )


class Option(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=OPTION_MAX)
    role = models.CharField(max_length=8, choices=OptionRole.choices, default="", blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("on paper at the villagers' meeting")


class RollEntry(models.Model):
    """选民名单: one row per eligible voter, snapshotted when the ballot opens.

    `channel` is set once, when the person votes (online or on paper): the conditional
    update from empty to a channel is what makes a second vote impossible.
    """

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="roll")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ballot_roll"
    )
    channel = models.CharField(max_length=8, choices=Channel.choices, default="", blank=True)

    class Meta:
        verbose_name = _("roll entry")
        verbose_name_plural = _("electoral roll")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "user"], name="one_roll_entry_per_voter")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.ballot_id} {self.channel or '-'}"

    @property
    def has_voted(self) -> bool:
        return bool(self.channel)


def new_receipt() -> str:
    import secrets

    # 12 characters from an alphabet without look-alikes, grouped for reading aloud.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Paper(models.Model):
    """One online ballot paper. In a secret ballot `voter` is always empty.

    No timestamp and a random key, on purpose: see the module docstring.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="papers")
    receipt = models.CharField(max_length=14, unique=True, default=new_receipt)
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ballot paper")
        verbose_name_plural = _("ballot papers")
        ordering = ["receipt"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "voter"],
                condition=Q(voter__isnull=False),
                name="one_open_paper_per_voter",
            )
        ]

    def __str__(self) -> str:
        return self.receipt


class Choice(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="choices")

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(fields=["paper", "option"], name="one_choice_per_option")
        ]

    def __str__(self) -> str:
        return f"{self.option_id}"


def tally_photo_path(instance: "PaperTally", filename: str) -> str:
    return f"ballots/{instance.ballot_id}/tally-{instance.token}.{instance.extension}"


class PaperTally(models.Model):
    """村民会议现场表决: the committee's count of a paper vote, with a photo of the sheet."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="paper_tallies")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    voters = models.PositiveIntegerField(_("residents who voted on paper"))
    token = models.CharField(max_length=32, unique=True)
    extension = models.CharField(max_length=5)
    photo = models.ImageField(_("photo of the tally sheet"), upload_to=tally_photo_path)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("paper tally")
        verbose_name_plural = _("paper tallies")
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.ballot_id}: {self.voters}"


class PaperCount(models.Model):
    tally = models.ForeignKey(PaperTally, on_delete=models.CASCADE, related_name="counts")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="paper_counts")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tally", "option"], name="one_count_per_option")
        ]

    def __str__(self) -> str:
        return f"{self.option_id}: {self.count}"
