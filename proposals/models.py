"""Proposals (议题) and what hangs off them: categories, supports (附议), follows, images.

Rooms and ballots live in their own sub-apps (consult/rooms/, consult/ballots/) and
point at Proposal; the states they enter are listed here and moved only through
proposals.lifecycle.transition().
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 60
BODY_MAX = 5000
DEFAULT_SUPPORT_THRESHOLD = 5


class State(models.TextChoices):
    DRAFT = "draft", _("draft")
    COLLECTING = "collecting", _("collecting supports")
    REVIEWING = "reviewing", _("under review")
    DELIBERATING = "deliberating", _("deliberating")
    VOTING = "voting", _("voting")
    DECIDED = "decided", _("decided")
    IMPLEMENTING = "implementing", _("implementing")
    COMPLETED = "completed", _("completed")
    REJECTED = "rejected", _("rejected")
    MERGED = "merged", _("merged")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Category(models.Model):
    """Editable by staff in the admin; seeded by a data migration."""

    name = models.CharField(_("name"), max_length=20, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class VillageSettings(models.Model):
    """Per-village knobs the committee may change."""

    region = models.OneToOneField(
        "accounts.Region",
        on_delete=models.CASCADE,
        related_name="consult_settings",
        verbose_name=_("place"),
    )
    support_threshold = models.PositiveSmallIntegerField(
        _("supports needed for review"), default=DEFAULT_SUPPORT_THRESHOLD
    )

    class Meta:
        verbose_name = _("village settings")
        verbose_name_plural = _("village settings")

    def __str__(self) -> str:
        return f"{self.region} ({self.support_threshold})"


class Proposal(models.Model):
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("text"), max_length=BODY_MAX)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("category")
    )
    region = models.ForeignKey(
        "accounts.Region",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("place"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("author"),
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # Set once, when the author first publishes it; drafts stay private until then.
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)
    state_changed = models.DateTimeField(_("state changed"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["state", "-created"], name="proposal_state_created"),
            models.Index(fields=["-support_count", "-created"], name="proposal_support"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:proposal_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.submitted_at is not None


def image_path(instance: "ProposalImage", filename: str) -> str:
    # The name is ours, never the uploader's.
    return f"proposals/{instance.proposal_id}/{instance.token}.{instance.extension}"


class ProposalImage(models.Model):
    MAX_PER_PROPOSAL = 6

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="images", verbose_name=_("proposal")
    )
    token = models.CharField(max_length=32, unique=True)
    extension = models.CharField(max_length=5)
    file = models.ImageField(_("image"), upload_to=image_path)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.file.name


class Support(models.Model):
    """附议: one per resident per proposal, guarded by the database."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_support_per_resident")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.proposal_id}"


class Follow(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_follow_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ⟶ {self.proposal_id}"
