"""Every membership action tells the apps above (accounts.hooks), explicitly and inside its
transaction; revoking takes a role away and says so to the person."""

from typing import Any

import pytest

from accounts import actions, hooks
from accounts.models import Membership, MembershipStatus, Role
from core import sms
from core.errors import Conflict, NotFound
from core.models import AuditEntry
from tests.conftest import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(monkeypatch: Any) -> list[tuple[str, str]]:
    """(role, status) of each membership change the hook reports."""
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(hooks, "_listeners", [*hooks._listeners])
    hooks.on_membership_change(lambda m, actor: seen.append((m.role, m.status)))
    return seen


def test_request_approve_grant_and_revoke_each_call_the_hook(
    world: World, heard: list[tuple[str, str]]
) -> None:
    request = actions.request_membership(world.outsider, world.village_a.pk)
    actions.decide_membership(world.committee_a, request.pk, approve=True)
    actions.grant_membership(user=world.outsider, region=world.regions["city"], role=Role.EDITOR)
    actions.revoke_membership(world.admin, request.pk, reason="搬走了")
    assert heard == [
        (Role.RESIDENT, MembershipStatus.APPROVED),
        (Role.EDITOR, MembershipStatus.APPROVED),
        (Role.RESIDENT, MembershipStatus.REVOKED),
    ]


def test_a_refused_change_reports_nothing(world: World, heard: list[tuple[str, str]]) -> None:
    membership = world.resident_b.memberships.get()
    with pytest.raises(NotFound):
        actions.revoke_membership(world.committee_a, membership.pk)  # another village
    assert heard == []
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.APPROVED


def test_a_failing_listener_rolls_the_membership_back(world: World, monkeypatch: Any) -> None:
    def broken(membership: Membership, actor: Any) -> None:
        raise RuntimeError("group sync failed")

    monkeypatch.setattr(hooks, "_listeners", [broken])
    membership = world.resident_a.memberships.get()
    with pytest.raises(RuntimeError):
        actions.revoke_membership(world.committee_a, membership.pk)
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.APPROVED


def test_the_committee_revokes_a_resident_who_is_told_why(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    membership = world.resident_a.memberships.get()
    with django_capture_on_commit_callbacks(execute=True):
        actions.revoke_membership(world.committee_a, membership.pk, reason="已迁出本村")
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.REVOKED
    assert AuditEntry.objects.filter(verb="membership.revoked", target_id=membership.pk).exists()
    assert any("已迁出本村" in text and "村A" in text for _, text in sms.outbox)


def test_only_an_approved_membership_can_be_revoked(world: World) -> None:
    membership = world.resident_a.memberships.get()
    actions.revoke_membership(world.committee_a, membership.pk)
    with pytest.raises(Conflict):
        actions.revoke_membership(world.committee_a, membership.pk)
    with pytest.raises(NotFound):
        actions.revoke_membership(world.committee_a, 10**9)
