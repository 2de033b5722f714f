"""The one place where content pages read participation data (consult/).

Proposals and outcomes are plain models in the consult app; pages only show them.
Everything here imports consult lazily and answers "nothing" while a model does not
exist (outcomes, for now), so the content site works on its own.
"""

from typing import Any

from django.apps import apps
from django.db.models import Model, Q

from accounts.models import Region


def _consult_model(name: str) -> type[Model] | None:
    if not apps.is_installed("consult"):
        return None
    try:
        return apps.get_model("consult", name)
    except LookupError:
        return None


def _public_proposals(region: Region | None) -> Any:
    """consult's own public listing (what an anonymous visitor may see), newest first."""
    from django.contrib.auth.models import AnonymousUser

    from consult.queries import proposal_list

    return proposal_list(AnonymousUser(), region_path=region.path if region else None)


def latest_proposals(region: Region | None, limit: int = 5) -> list[Any]:
    """Newest public matters in the place (and below it), or everywhere without one."""
    if _consult_model("Proposal") is None:
        return []
    return list(_public_proposals(region)[:limit])


def latest_outcomes(region: Region | None, limit: int = 5) -> list[Any]:
    """Newest published outcomes in the place (and below it)."""
    model = _consult_model("Outcome")
    if model is None:
        return []
    return []


def proposals_related_to(category_names: list[str], tags: list[str], limit: int = 5) -> list[Any]:
    """Public matters sharing an article's category or tags."""
    if _consult_model("Proposal") is None or not (category_names or tags):
        return []
    match = Q(category__name__in=category_names)
    for tag in tags[:5]:
        match |= Q(title__contains=tag)
    return list(_public_proposals(None).filter(match)[:limit])


def outcome_link(outcome_id: int | None) -> Any:
    """The outcome whose vote adopted a village's rules, if it exists and is public."""
    model = _consult_model("Outcome")
    if model is None or outcome_id is None:
        return None
    return model._default_manager.filter(pk=outcome_id).first()
