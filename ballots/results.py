"""Counting a ballot: online papers plus the committee's paper tallies, then the rules."""

from typing import Any

from django.db.models import Count, Sum

from ballots.models import Ballot, Channel, Choice, OptionRole, PaperCount, RollEntry
from ballots.tally import decide


def count_votes(ballot: Ballot) -> dict[str, Any]:
    """The full result as plain data (stored on the ballot at close). Four queries."""
    options = list(ballot.options.all())
    online = dict(
        Choice.objects.filter(paper__ballot=ballot)
        .values_list("option_id")
        .annotate(n=Count("id"))
        .values_list("option_id", "n")
    )
    paper = dict(
        PaperCount.objects.filter(tally__ballot=ballot)
        .values_list("option_id")
        .annotate(n=Sum("count"))
        .values_list("option_id", "n")
    )
    channels = dict(
        RollEntry.objects.filter(ballot=ballot)
        .exclude(channel="")
        .values_list("channel")
        .annotate(n=Count("id"))
        .values_list("channel", "n")
    )
    cast = sum(channels.values())
    totals = {o.pk: online.get(o.pk, 0) + (paper.get(o.pk) or 0) for o in options}
    yes = next((o.pk for o in options if o.role == OptionRole.YES), None)
    verdict = decide(
        kind=ballot.kind,
        counts=totals,
        cast=cast,
        electorate=ballot.electorate_size,
        quorum_percent=ballot.quorum_percent,
        rule=ballot.pass_rule,
        yes=yes,
    )
    return {
        "options": [
            {
                "id": o.pk,
                "label": o.label,
                "online": online.get(o.pk, 0),
                "paper": paper.get(o.pk) or 0,
                "total": totals[o.pk],
                "carried": o.pk in verdict.carried,
            }
            for o in options
        ],
        "cast": cast,
        "online": channels.get(Channel.ONLINE, 0),
        "paper": channels.get(Channel.PAPER, 0),
        "electorate": ballot.electorate_size,
        "quorum_percent": ballot.quorum_percent,
        "pass_rule": ballot.pass_rule,
        "quorum_met": verdict.quorum_met,
        "passed": verdict.passed,
    }
