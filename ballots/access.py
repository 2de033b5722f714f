"""The one door for reading ballots: missing and forbidden answer the same.

A ballot is visible to whoever may see its proposal.
"""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ballots.models import Ballot
from core.access import one_visible
from core.errors import NotFound
from proposals.access import visible_proposals


def visible_ballots(user: Any) -> QuerySet[Ballot]:
    return Ballot.objects.filter(proposal__in=visible_proposals(user).values("pk"))


def get_ballot_for(user: Any, pk: Any, *, lock: bool = False) -> Ballot:
    """The ballot if `user` may see it, else NotFound. `lock=True` inside a transaction."""
    queryset = visible_ballots(user).select_related("proposal__region", "proposal__author")
    ballot = one_visible(queryset, pk, lock=lock)
    if ballot is None:
        raise NotFound(_("This ballot does not exist."))
    return ballot
