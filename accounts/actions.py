"""Writes about people and places: join requests, their decisions, grants and revocations.

Each action takes the acting user, checks permission, changes data atomically,
records an audit entry and schedules notifications on commit.
"""

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.hooks import membership_changed
from accounts.models import Membership, MembershipStatus, Region, Role
from accounts.permissions import forget_roles, may_decide_membership, moderated_paths, subtree_q
from core import audit
from core.errors import ActionError, Conflict, Forbidden, NotFound
from core.notify import notify_on_commit

REASON_MAX = 200


def request_membership(user: Any, region_id: int, *, note: str = "") -> Membership:
    """A signed-in person asks to become a resident of a village or community."""
    if not getattr(user, "is_authenticated", False):
        raise Forbidden(_("Please log in first."))
    region = Region.objects.filter(pk=region_id).first()
    if region is None:
        raise NotFound(_("This place does not exist."), field="region")
    if not region.is_joinable:
        raise ActionError(_("You can only join a village or a community."), field="region")
    if len(note) > REASON_MAX:
        raise ActionError(_("The note is too long (200 characters at most)."), field="note")
    live = Membership.objects.filter(
        user=user,
        region=region,
        role=Role.RESIDENT,
        status__in=[MembershipStatus.PENDING, MembershipStatus.APPROVED],
    )
    if live.exists():
        raise Conflict(_("You have already asked to join this place."), field="region")
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user, region=region, role=Role.RESIDENT, note=note.strip()
            )
            audit.record(user, "membership.requested", membership, region=region)
            for reviewer_id in committee_of(region):
                notify_on_commit("membership_requested", reviewer_id, membership_id=membership.pk)
    except IntegrityError as exc:  # a concurrent duplicate lost the race to the constraint
        raise Conflict(_("You have already asked to join this place."), field="region") from exc
    return membership


def decide_membership(
    actor: Any, membership_id: int, *, approve: bool, reason: str = ""
) -> Membership:
    """The committee (or staff above) approves or rejects a pending join request."""
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ActionError(_("Please give a reason for the rejection."), field="reason")
    if len(reason) > REASON_MAX:
        raise ActionError(_("The reason is too long (200 characters at most)."), field="reason")
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .select_related("region", "user")
            .filter(pk=membership_id)
            .first()
        )
        # Someone else's request in another village is "not found", not "forbidden";
        # and nobody decides their own request, whatever their role.
        if (
            membership is None
            or membership.user_id == getattr(actor, "pk", None)
            or not may_decide_membership(actor, membership.region)
        ):
            raise NotFound(_("This request does not exist."))
        if membership.status != MembershipStatus.PENDING:
            raise Conflict(_("This request has already been decided."))
        membership.status = MembershipStatus.APPROVED if approve else MembershipStatus.REJECTED
        membership.reason = reason
        membership.decided_by = actor
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "reason", "decided_by", "decided_at"])
        verb = "membership.approved" if approve else "membership.rejected"
        audit.record(actor, verb, membership, region=membership.region, reason=reason)
        membership_changed(membership, actor=actor)
        notify_on_commit("membership_decided", membership.user_id, membership_id=membership.pk)
    forget_roles(membership.user)
    return membership


def grant_membership(
    *, user: Any, region: Region, role: str, actor: Any = None, reason: str = ""
) -> Membership:
    """Give a role directly (administrators, seed data). Idempotent for a live role.

    A pending request for the same role is approved rather than duplicated: the
    partial unique constraint allows one live row per person, place and role.
    """
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(user=user, region=region, role=role)
            .filter(status__in=[MembershipStatus.PENDING, MembershipStatus.APPROVED])
            .first()
        )
        if membership is None or membership.status == MembershipStatus.PENDING:
            membership = membership or Membership(user=user, region=region, role=role)
            membership.status = MembershipStatus.APPROVED
            membership.decided_by = actor if getattr(actor, "pk", None) else None
            membership.decided_at = timezone.now()
            membership.reason = reason
            membership.save()
            audit.record(actor, "membership.granted", membership, region=region, role=role)
            membership_changed(membership, actor=actor)
    forget_roles(user)
    return membership


def revoke_membership(actor: Any, membership_id: int, *, reason: str = "") -> Membership:
    """Whoever may decide memberships at the place takes an approved role away."""
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise ActionError(_("The reason is too long (200 characters at most)."), field="reason")
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .select_related("region", "user")
            .filter(pk=membership_id)
            .first()
        )
        if membership is None or not may_decide_membership(actor, membership.region):
            raise NotFound(_("This membership does not exist."))
        if membership.status != MembershipStatus.APPROVED:
            raise Conflict(_("Only an approved membership can be revoked."))
        membership.status = MembershipStatus.REVOKED
        membership.reason = reason
        membership.decided_by = actor
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "reason", "decided_by", "decided_at"])
        audit.record(actor, "membership.revoked", membership, region=membership.region)
        membership_changed(membership, actor=actor)
        notify_on_commit("membership_decided", membership.user_id, membership_id=membership.pk)
    forget_roles(membership.user)
    return membership


def committee_of(region: Region) -> list[int]:
    """Ids of the approved committee members of exactly this place."""
    return list(
        Membership.objects.filter(
            region=region, role=Role.COMMITTEE, status=MembershipStatus.APPROVED
        ).values_list("user_id", flat=True)
    )


def pending_requests_for(user: Any) -> Any:
    """Join requests waiting for this user's decision, oldest first."""
    paths = moderated_paths(user)
    queryset = Membership.objects.filter(status=MembershipStatus.PENDING)
    if not getattr(user, "is_superuser", False):
        queryset = queryset.filter(subtree_q(paths))
    return queryset.select_related("user", "region").order_by("created")
