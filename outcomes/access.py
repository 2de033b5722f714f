"""The one door for reading outcomes: missing and forbidden answer the same.

An outcome is visible to whoever may see its proposal.
"""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.access import one_visible
from core.errors import NotFound
from outcomes.models import Outcome
from proposals.access import visible_proposals


def visible_outcomes(user: Any) -> QuerySet[Outcome]:
    return Outcome.objects.filter(proposal__in=visible_proposals(user).values("pk"))


def get_outcome_for(user: Any, pk: Any, *, lock: bool = False) -> Outcome:
    queryset = visible_outcomes(user).select_related(
        "proposal__region", "proposal__category", "ballot"
    )
    outcome = one_visible(queryset, pk, lock=lock)
    if outcome is None:
        raise NotFound(_("This outcome does not exist."))
    return outcome
