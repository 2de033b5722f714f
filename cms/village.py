"""The visitor's chosen village: kept in the session, defaulting to their own village."""

from typing import Any

from django.http import HttpRequest

from accounts.models import JOINABLE_KINDS, Membership, MembershipStatus, Region
from accounts.regions import labelled_regions

SESSION_KEY = "cms_village_id"
_CACHE_ATTR = "_cms_chosen_village"


def _joinable(region_id: Any) -> Region | None:
    try:
        pk = int(region_id)
    except (TypeError, ValueError):
        return None
    return Region.objects.filter(pk=pk, kind__in=list(JOINABLE_KINDS)).first()


def _own_village(user: Any) -> Region | None:
    if not getattr(user, "is_authenticated", False):
        return None
    membership = (
        Membership.objects.filter(
            user=user, status=MembershipStatus.APPROVED, region__kind__in=list(JOINABLE_KINDS)
        )
        .select_related("region")
        .order_by("pk")
        .first()
    )
    return membership.region if membership else None


def chosen_village(request: HttpRequest) -> Region | None:
    """The village the visitor chose, else the one they belong to, else none."""
    if not hasattr(request, _CACHE_ATTR):
        chosen = None
        if SESSION_KEY in request.session:
            chosen = _joinable(request.session[SESSION_KEY])
        else:
            chosen = _own_village(getattr(request, "user", None))
        setattr(request, _CACHE_ATTR, chosen)
    return getattr(request, _CACHE_ATTR)


def choose_village(request: HttpRequest, region_id: Any) -> Region | None:
    """Remember the choice; an empty choice means "all places". Raises ValueError
    for anything that is not a village or community."""
    if region_id in (None, ""):
        request.session[SESSION_KEY] = None
        setattr(request, _CACHE_ATTR, None)
        return None
    region = _joinable(region_id)
    if region is None:
        raise ValueError(region_id)
    request.session[SESSION_KEY] = region.pk
    setattr(request, _CACHE_ATTR, region)
    return region


def village_choices() -> list[tuple[Region, str]]:
    return labelled_regions(joinable_only=True)
