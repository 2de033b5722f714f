"""Named predicates about proposals. Each answers for one user and one proposal (no query
beyond the user's cached memberships)."""

from typing import Any

from django.db.models import Q

from accounts.models import Region
from accounts.permissions import may_moderate, may_participate
from proposals.models import Proposal, State


def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def visible_q(user: Any) -> Q:
    """Published proposals for everyone; drafts (never published) only for their author."""
    q = Q(submitted_at__isnull=False)
    if is_signed_in(user):
        q |= Q(author_id=user.pk)
    return q


def may_view(user: Any, proposal: Proposal) -> bool:
    return proposal.is_published or (is_signed_in(user) and proposal.author_id == user.pk)


def may_propose(user: Any, region: Region) -> bool:
    return region.is_joinable and may_participate(user, region)


def may_edit(user: Any, proposal: Proposal) -> bool:
    return is_signed_in(user) and proposal.author_id == user.pk and proposal.state == State.DRAFT


def may_support(user: Any, proposal: Proposal) -> bool:
    """Approved residents of the village, except the author, while collecting."""
    return (
        proposal.state == State.COLLECTING
        and is_signed_in(user)
        and proposal.author_id != user.pk
        and may_participate(user, proposal.region)
    )


def may_review(user: Any, proposal: Proposal) -> bool:
    return proposal.state in {State.COLLECTING, State.REVIEWING} and may_moderate(
        user, proposal.region
    )


def may_follow(user: Any, proposal: Proposal) -> bool:
    return is_signed_in(user) and may_view(user, proposal)
