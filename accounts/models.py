from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class User(AbstractUser):
    phone = models.CharField(
        _("phone number"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        help_text=_("E.164, e.g. +8613800000001"),
    )
    phone_verified = models.BooleanField(_("phone verified"), default=False)
    display_name = models.CharField(_("display name"), max_length=40, blank=True)

    @property
    def name(self) -> str:
        """What other people see: never the phone number."""
        return self.display_name or self.get_full_name() or self.username


class RegionKind(models.TextChoices):
    CITY = "city", _("city")
    DISTRICT = "district", _("district/county")
    TOWNSHIP = "township", _("township/street")
    VILLAGE = "village", _("village")
    COMMUNITY = "community", _("community")
    GRID = "grid", _("grid")


# Kinds residents can ask to join: the grassroots units with a committee.
JOINABLE_KINDS = frozenset({RegionKind.VILLAGE, RegionKind.COMMUNITY})


class Region(MP_Node):
    """A place in the one tree: 市 → 区县 → 乡镇街道 → 村社区 (→ 网格)."""

    # Annotated by hand: treebeard's base class is untyped, so the stubs cannot infer these.
    name: "models.CharField[str, str]" = models.CharField(_("name"), max_length=60)
    kind: "models.CharField[str, str]" = models.CharField(
        _("kind"), max_length=16, choices=RegionKind.choices
    )
    code: "models.CharField[str, str]" = models.CharField(
        _("administrative code"), max_length=20, blank=True
    )
    path: str
    depth: int
    steplen: int

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name

    @property
    def is_joinable(self) -> bool:
        return self.kind in JOINABLE_KINDS

    def ancestor_paths(self) -> list[str]:
        """Paths of this place and every place above it (no query)."""
        return [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]

    def full_name(self) -> str:
        """南通市 崇川区 … 村A — one query."""
        return " ".join(r.name for r in Region.objects.filter(path__in=self.ancestor_paths()))


class Role(models.TextChoices):
    RESIDENT = "resident", _("resident")
    COMMITTEE = "committee", _("village/community committee")
    STAFF = "staff", _("township/district staff")
    DEPARTMENT = "department", _("department")
    EDITOR = "editor", _("propaganda editor")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("pending review")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    REVOKED = "revoked", _("revoked")


class Membership(models.Model):
    """A role held at a place. Reaches that place and every place below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("place")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    note = models.CharField(_("note from the applicant"), max_length=200, blank=True)
    reason = models.CharField(_("reason for the decision"), max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created"]
        constraints = [
            # The real guard against double join requests: one live row per person,
            # place and role (rejected and revoked ones stay as history).
            models.UniqueConstraint(
                fields=["user", "region", "role"],
                condition=Q(status__in=["pending", "approved"]),
                name="one_live_membership_per_role_and_place",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.region} ({self.role})"
