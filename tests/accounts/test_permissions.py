"""The permission helpers as a matrix: role held at 村A × the place asked about.

A role reaches the place it is held at and every place below it; never sideways, never up.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts import permissions
from accounts.models import Region, Role
from tests.factories import MembershipFactory, UserFactory, village_tree

OWN, BELOW, SIBLING, PARENT = "own place", "place below", "sibling", "parent"
PLACES = {OWN: "village_a", BELOW: "grid", SIBLING: "village_b", PARENT: "township"}
ALL_ROLES = [role.value for role in Role]

# predicate → the roles that answer yes at the own place and below (nowhere else).
REACHING_ROLES: dict[str, set[str]] = {
    "may_participate": {Role.RESIDENT},
    "may_moderate": {Role.COMMITTEE, Role.STAFF},
    "may_decide_membership": {Role.COMMITTEE, Role.STAFF},
    "may_oversee": {Role.STAFF},
    "may_answer_referrals": {Role.DEPARTMENT, Role.STAFF},
}


@pytest.fixture
def tree(db: None) -> dict[str, Region]:
    regions = village_tree()
    regions["grid"] = regions["village_a"].add_child(name="一组", kind="grid")
    regions["village_a"] = Region.objects.get(pk=regions["village_a"].pk)
    return regions


def holder_at_village_a(tree: dict[str, Region], role: str, status: str = "approved") -> Any:
    user = UserFactory()
    MembershipFactory(user=user, region=tree["village_a"], role=role, status=status)
    return user


@pytest.mark.parametrize("predicate", sorted(REACHING_ROLES))
@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("place", [OWN, BELOW, SIBLING, PARENT])
def test_a_role_reaches_its_place_and_below_only(
    tree: dict[str, Region], predicate: str, role: str, place: str
) -> None:
    check: Callable[[Any, Region], bool] = getattr(permissions, predicate)
    user = holder_at_village_a(tree, role)
    expected = role in REACHING_ROLES[predicate] and place in {OWN, BELOW}
    assert check(user, tree[PLACES[place]]) is expected


# The same matrix for roles held at the township: its own place, a village below it,
# the sibling township, and the district above.
TOWNSHIP_PLACES = {
    OWN: "township",
    BELOW: "village_a",
    SIBLING: "other_township",
    PARENT: "district",
}


@pytest.mark.parametrize("predicate", sorted(REACHING_ROLES))
@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("place", [OWN, BELOW, SIBLING, PARENT])
def test_a_role_held_at_a_township_reaches_its_villages_only(
    tree: dict[str, Region], predicate: str, role: str, place: str
) -> None:
    check: Callable[[Any, Region], bool] = getattr(permissions, predicate)
    user = UserFactory()
    MembershipFactory(user=user, region=tree["township"], role=role)
    expected = role in REACHING_ROLES[predicate] and place in {OWN, BELOW}
    assert check(user, tree[TOWNSHIP_PLACES[place]]) is expected


@pytest.mark.parametrize("predicate", sorted(REACHING_ROLES))
@pytest.mark.parametrize("status", ["pending", "rejected", "revoked"])
def test_a_role_that_is_not_approved_grants_nothing(
    tree: dict[str, Region], predicate: str, status: str
) -> None:
    check = getattr(permissions, predicate)
    for role in REACHING_ROLES[predicate]:
        assert not check(holder_at_village_a(tree, role, status), tree["village_a"])
    assert not check(AnonymousUser(), tree["village_a"])


@pytest.mark.parametrize("predicate", ["may_moderate", "may_oversee", "may_decide_membership"])
def test_a_superuser_may_act_everywhere(tree: dict[str, Region], predicate: str) -> None:
    admin = UserFactory(is_superuser=True)
    assert getattr(permissions, predicate)(admin, tree["village_c"])


def test_a_superuser_is_no_resident(tree: dict[str, Region]) -> None:
    assert not permissions.may_participate(UserFactory(is_superuser=True), tree["village_a"])


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_editors_may_edit_content(tree: dict[str, Region], role: str) -> None:
    assert permissions.may_edit_content(holder_at_village_a(tree, role)) is (role == Role.EDITOR)


def test_checking_many_places_costs_one_query(
    tree: dict[str, Region], django_assert_num_queries: Any
) -> None:
    user = holder_at_village_a(tree, Role.COMMITTEE)
    places = list(Region.objects.all())
    with django_assert_num_queries(1):
        answers = [permissions.may_moderate(user, place) for place in places]
    assert sum(answers) == 2  # 村A and its grid
