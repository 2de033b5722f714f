"""Read-side queries shared by the pages and the API, each with a fixed number of queries."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from ballots.models import (
    Ballot,
    BallotState,
    Option,
    Paper,
    PaperTally,
    RollEntry,
)
from ballots.permissions import may_see_open_choices
from ballots.results import count_votes
from proposals.models import Proposal


@dataclass
class BallotView:
    options: list[Option]
    entry: RollEntry | None
    results: dict[str, Any] | None
    open_votes: list[dict[str, Any]] | None
    paper_tallies: list[PaperTally] = field(default_factory=list)


def ballot_view(user: Any, ballot: Ballot) -> BallotView:
    """What this user may see of the ballot: results only when allowed (never a secret tally
    before close), who chose what only in open ballots and only to the village."""
    entry = None
    if getattr(user, "is_authenticated", False):
        entry = RollEntry.objects.filter(ballot=ballot, user=user).first()
    results = None
    if ballot.results_visible:  # never a secret ballot's running tally
        results = ballot.result if ballot.state == BallotState.CLOSED else count_votes(ballot)
    open_votes = None
    if may_see_open_choices(user, ballot) and ballot.state != BallotState.SCHEDULED:
        papers = (
            Paper.objects.filter(ballot=ballot, voter__isnull=False)
            .select_related("voter")
            .prefetch_related("choices")
            .order_by("voter__display_name", "voter_id")
        )
        open_votes = [
            {"voter": p.voter.name, "options": [c.option_id for c in p.choices.all()]}
            for p in papers
            if p.voter is not None
        ]
    tallies = list(
        PaperTally.objects.filter(ballot=ballot)
        .select_related("recorded_by")
        .prefetch_related("counts__option")
    )
    return BallotView(list(ballot.options.all()), entry, results, open_votes, tallies)


def receipts(ballot: Ballot) -> QuerySet[Paper]:
    """The public list of receipt codes: a voter checks that their paper was counted."""
    return Paper.objects.filter(ballot=ballot).order_by("receipt").only("receipt")


def live_ballot(proposal: Proposal) -> Ballot | None:
    """The proposal's live ballot (cancelled ones are history). One query."""
    return Ballot.objects.filter(proposal=proposal).exclude(state=BallotState.CANCELLED).first()


def live_ballot_id(proposal: Proposal) -> int | None:
    """The id of the proposal's live ballot, for the proposal detail API. One query."""
    return (
        Ballot.objects.filter(proposal=proposal)
        .exclude(state=BallotState.CANCELLED)
        .values_list("pk", flat=True)
        .first()
    )
