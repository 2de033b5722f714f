"""待办 from ballots: open votes this person is on the roll for and has not cast."""

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ballots.models import BallotState, RollEntry
from core import todo

SOON = timedelta(days=1)


@todo.provider
def votes_waiting(user: Any) -> list[todo.Todo]:
    """One query: the person's unused roll entries on ballots open now, soonest close first."""
    now = timezone.now()
    waiting = list(
        RollEntry.objects.filter(
            user=user,
            channel="",
            ballot__state=BallotState.OPEN,
            ballot__opens_at__lte=now,
            ballot__closes_at__gt=now,
        )
        .order_by("ballot__closes_at")
        .values_list("ballot_id", "ballot__closes_at")
    )
    if not waiting:
        return []
    first_id, first_close = waiting[0]
    count = len(waiting)
    label = ngettext("%(n)d vote is waiting for you", "%(n)d votes are waiting for you", count) % {
        "n": count
    }
    url = reverse("ballots:ballot_detail", args=[first_id])
    return [todo.Todo("votes", label, count, url, urgent=first_close - now <= SOON)]
