"""Read-side queries shared by the pages and the API, each with a fixed number of queries."""

from typing import Any

from django.db.models import QuerySet

from accounts.permissions import moderated_paths, subtree_q
from core.audit import entries_for
from core.models import AuditEntry
from proposals.access import visible_proposals
from proposals.lifecycle import VERB_PREFIX
from proposals.models import Proposal, State

SORT_ORDER = {"new": ("-created", "-id"), "support": ("-support_count", "-created", "-id")}


def proposal_list(
    user: Any,
    *,
    region_path: str | None = None,
    state: str | None = None,
    category: int | None = None,
    sort: str = "new",
) -> QuerySet[Proposal]:
    """Published (or own) proposals, filtered; the region filter covers the whole subtree."""
    queryset = visible_proposals(user).select_related("region", "category")
    if region_path:
        queryset = queryset.filter(region__path__startswith=region_path)
    if state:
        queryset = queryset.filter(state=state)
    if category:
        queryset = queryset.filter(category_id=category)
    return queryset.order_by(*SORT_ORDER.get(sort, SORT_ORDER["new"]))


def timeline(proposal: Proposal) -> list[AuditEntry]:
    """Every state change, oldest first, with who did it (the public record)."""
    return list(
        entries_for(proposal)
        .filter(verb__startswith=VERB_PREFIX)
        .exclude(verb__in=["proposal.supported", "proposal.unsupported", "proposal.edited"])
    )


def review_queue(user: Any) -> QuerySet[Proposal]:
    """Matters waiting for this committee's (or staff's) review, oldest first."""
    queryset = Proposal.objects.filter(state__in=[State.REVIEWING, State.COLLECTING])
    if not getattr(user, "is_superuser", False):
        queryset = queryset.filter(subtree_q(moderated_paths(user)))
    return queryset.select_related("region", "category").order_by("-state", "created")


def merge_candidates(proposal: Proposal) -> list[tuple[int, str]]:
    rows = (
        Proposal.objects.filter(
            region_id=proposal.region_id,
            state__in=[State.COLLECTING, State.REVIEWING, State.DELIBERATING],
        )
        .exclude(pk=proposal.pk)
        .order_by("-created")
        .values_list("pk", "title")[:100]
    )
    return [(pk, f"#{pk} {title}") for pk, title in rows]
