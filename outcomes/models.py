"""结果公示 and after: outcomes, objections (公示期), progress (跟踪落实), evaluations (评议).

An outcome belongs to a proposal and may record the ballot that decided it; a matter accepted
without a vote gets one too.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_PUBLICITY_DAYS = 7
TEXT_MAX = 2000


class Outcome(models.Model):
    """结果公示: the decision, who does it by when, and the publicity period for objections."""

    proposal = models.OneToOneField(
        "consult.Proposal", on_delete=models.PROTECT, related_name="outcome"
    )
    ballot = models.OneToOneField(
        "ballots.Ballot", null=True, blank=True, on_delete=models.PROTECT, related_name="outcome"
    )
    decision = models.TextField(_("decision"), max_length=TEXT_MAX)
    responsible = models.CharField(_("responsible person or department"), max_length=60)
    deadline = models.DateField(_("deadline"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    objections_until = models.DateTimeField(_("objections until"), db_index=True)
    finalized_at = models.DateTimeField(_("final since"), null=True, blank=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.decision[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("outcomes:outcome_detail", args=[self.pk])

    @property
    def title(self) -> str:
        """Listings name an outcome by its matter (select_related("proposal"))."""
        return self.proposal.title

    @property
    def is_final(self) -> bool:
        return self.finalized_at is not None

    def in_publicity_period(self, now: object = None) -> bool:
        return (now or timezone.now()) < self.objections_until  # type: ignore[operator]


class Objection(models.Model):
    """异议: lodged by a resident during the publicity period, answered publicly."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="objections")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="objections"
    )
    text = models.TextField(_("objection"), max_length=TEXT_MAX)
    created = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), max_length=TEXT_MAX, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "author"], name="one_objection_per_resident")
        ]

    def __str__(self) -> str:
        return self.text[:40]


class Progress(models.Model):
    """跟踪落实: one dated step of the follow-up."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="progress")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("what was done"), max_length=TEXT_MAX)
    percent = models.PositiveSmallIntegerField(_("percent done"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="progress_is_a_percent")
        ]

    def __str__(self) -> str:
        return f"{self.percent}% {self.text[:30]}"


def progress_photo_path(instance: "ProgressPhoto", filename: str) -> str:
    return f"outcomes/{instance.progress.outcome_id}/{instance.token}.{instance.extension}"


class ProgressPhoto(models.Model):
    MAX_PER_UPDATE = 6

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="photos")
    token = models.CharField(max_length=32, unique=True)
    extension = models.CharField(max_length=5)
    file = models.ImageField(upload_to=progress_photo_path)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.file.name


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("satisfied")
    BASICALLY = "basically_satisfied", _("basically satisfied")
    UNSATISFIED = "unsatisfied", _("unsatisfied")


class Evaluation(models.Model):
    """评议: one rating per resident per outcome, after completion."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="evaluations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evaluations"
    )
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "user"], name="one_rating_per_resident")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.rating}"
