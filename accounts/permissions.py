"""Named permission predicates: "may this user do X at this place?".

A role is held at a place and reaches that place and every place below it, never
sideways or upwards. Each user's approved memberships are loaded once per user
object, so checking many rows costs no extra queries.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from accounts.models import Membership, MembershipStatus, Region, Role

_CACHE_ATTR = "_approved_roles_cache"


def approved_roles(user: Any) -> list[tuple[str, str]]:
    """(role, region path) for every approved membership of the user."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, status=MembershipStatus.APPROVED).values_list(
                "role", "region__path"
            )
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_roles(user: Any) -> None:
    """Drop the cached roles after the user's memberships changed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_role_at(user: Any, region: Region, roles: Iterable[str]) -> bool:
    wanted = set(roles)
    return any(
        role in wanted and region.path.startswith(path) for role, path in approved_roles(user)
    )


def _is_superuser(user: Any) -> bool:
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def may_participate(user: Any, region: Region) -> bool:
    """Propose, co-sign, speak, vote, rate: approved residents of the place."""
    return has_role_at(user, region, {Role.RESIDENT})


def may_moderate(user: Any, region: Region) -> bool:
    """Review, moderate, run votes, publish outcomes: the committee, or staff above."""
    return _is_superuser(user) or has_role_at(user, region, {Role.COMMITTEE, Role.STAFF})


def may_decide_membership(user: Any, region: Region) -> bool:
    """Approve or reject a request to join the place."""
    return may_moderate(user, region)


def may_oversee(user: Any, region: Region) -> bool:
    """Township and district staff: oversight and referrals for every place below."""
    return _is_superuser(user) or has_role_at(user, region, {Role.STAFF})


def may_answer_referrals(user: Any, region: Region) -> bool:
    return _is_superuser(user) or has_role_at(user, region, {Role.DEPARTMENT, Role.STAFF})


def may_edit_content(user: Any) -> bool:
    return _is_superuser(user) or any(role == Role.EDITOR for role, _ in approved_roles(user))


def moderated_paths(user: Any) -> list[str]:
    """Region paths where the user may moderate (their reach is each path's subtree)."""
    return [path for role, path in approved_roles(user) if role in {Role.COMMITTEE, Role.STAFF}]


def subtree_q(paths: Iterable[str], *, field: str = "region__path") -> Q:
    """A filter matching rows whose region lies in any of the given subtrees."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q
