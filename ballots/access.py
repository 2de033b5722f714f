"""The one door for reading ballots and outcomes: missing and forbidden answer the same.

A ballot or outcome is visible to whoever may see its proposal.
"""

from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ballots.models import Ballot, Outcome
from core.errors import NotFound
from core.parse import as_id
from proposals.access import visible_proposals

T = TypeVar("T", Ballot, Outcome)


def visible_ballots(user: Any) -> QuerySet[Ballot]:
    return Ballot.objects.filter(proposal__in=visible_proposals(user).values("pk"))


def _one(queryset: QuerySet[T], pk: Any, *, lock: bool) -> T | None:
    key = as_id(pk)
    if key is None:
        return None
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.filter(pk=key).first()


def get_ballot_for(user: Any, pk: Any, *, lock: bool = False) -> Ballot:
    """The ballot if `user` may see it, else NotFound. `lock=True` inside a transaction."""
    queryset = visible_ballots(user).select_related("proposal__region", "proposal__author")
    ballot = _one(queryset, pk, lock=lock)
    if ballot is None:
        raise NotFound(_("This ballot does not exist."))
    return ballot


def visible_outcomes(user: Any) -> QuerySet[Outcome]:
    return Outcome.objects.filter(proposal__in=visible_proposals(user).values("pk"))


def get_outcome_for(user: Any, pk: Any, *, lock: bool = False) -> Outcome:
    queryset = visible_outcomes(user).select_related(
        "proposal__region", "proposal__category", "ballot"
    )
    outcome = _one(queryset, pk, lock=lock)
    if outcome is None:
        raise NotFound(_("This outcome does not exist."))
    return outcome
