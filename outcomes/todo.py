"""待办 from outcomes: residents' objections to a published outcome, not yet answered."""

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from accounts.permissions import moderated_paths, subtree_q
from core import todo
from outcomes.models import Objection


@todo.provider
def objections_to_answer(user: Any) -> list[todo.Todo]:
    """One query: unanswered objections in the places this person moderates, oldest first."""
    queryset = Objection.objects.filter(answer="")
    if not getattr(user, "is_superuser", False):
        queryset = queryset.filter(
            subtree_q(moderated_paths(user), field="outcome__proposal__region__path")
        )
    outcomes = list(queryset.order_by("created").values_list("outcome_id", flat=True))
    if not outcomes:
        return []
    count = len(outcomes)
    label = ngettext(
        "%(n)d objection is waiting for your answer",
        "%(n)d objections are waiting for your answer",
        count,
    ) % {"n": count}
    return [
        todo.Todo(
            "objections",
            label,
            count,
            reverse("outcomes:outcome_detail", args=[outcomes[0]]) + "#objections",
        )
    ]
