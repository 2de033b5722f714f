"""The one place where content pages read participation data (proposals, outcomes).

Proposals and outcomes are plain models in their own apps, below cms in the layers; pages
only show them, and only what an anonymous visitor may see (each app's own public listing).
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from accounts.models import Region
from outcomes.queries import outcome_list
from proposals.queries import proposal_list


def _public_proposals(region: Region | None) -> Any:
    """The proposals app's own public listing, newest first."""
    return proposal_list(AnonymousUser(), region_path=region.path if region else None)


def _public_outcomes() -> Any:
    return outcome_list(AnonymousUser()).select_related("proposal")


def latest_proposals(region: Region | None, limit: int = 5) -> list[Any]:
    """Newest public matters in the place (and below it), or everywhere without one."""
    return list(_public_proposals(region)[:limit])


def latest_outcomes(region: Region | None, limit: int = 5) -> list[Any]:
    """Newest published outcomes in the place (and below it), or everywhere without one."""
    outcomes = _public_outcomes()
    if region is not None:
        outcomes = outcomes.filter(proposal__region__path__startswith=region.path)
    return list(outcomes[:limit])


def proposals_related_to(category_names: list[str], tags: list[str], limit: int = 5) -> list[Any]:
    """Public matters sharing an article's category or tags."""
    if not (category_names or tags):
        return []
    match = Q(category__name__in=category_names)
    for tag in tags[:5]:
        match |= Q(title__contains=tag)
    return list(_public_proposals(None).filter(match)[:limit])


def outcome_link(outcome_id: int | None) -> Any:
    """The outcome whose vote adopted a village's rules, if it exists and is public."""
    if outcome_id is None:
        return None
    return _public_outcomes().filter(pk=outcome_id).first()
