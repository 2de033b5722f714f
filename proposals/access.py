"""The one door for reading proposals: missing and forbidden answer the same."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.errors import NotFound
from proposals.models import Proposal
from proposals.permissions import visible_q


def visible_proposals(user: Any) -> QuerySet[Proposal]:
    return Proposal.objects.filter(visible_q(user))


def get_proposal_for(
    user: Any, pk: Any, *, lock: bool = False, field: str | None = None
) -> Proposal:
    """The proposal if `user` may see it, else NotFound. `lock=True` inside a transaction."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NotFound(_("This matter does not exist."), field=field) from None
    queryset = visible_proposals(user).select_related("region", "category", "author")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    proposal = queryset.filter(pk=pk).first()
    if proposal is None:
        raise NotFound(_("This matter does not exist."), field=field)
    return proposal
