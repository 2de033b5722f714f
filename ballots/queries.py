"""Read-side queries shared by the pages and the API, each with a fixed number of queries."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from ballots.access import visible_outcomes
from ballots.models import (
    Ballot,
    BallotState,
    Evaluation,
    Objection,
    Option,
    Outcome,
    Paper,
    PaperTally,
    Rating,
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


def rating_summary(outcome: Outcome) -> dict[str, int]:
    counts = dict(
        Evaluation.objects.filter(outcome=outcome)
        .values_list("rating")
        .annotate(n=Count("id"))
        .values_list("rating", "n")
    )
    summary = {value: counts.get(value, 0) for value in Rating.values}
    summary["count"] = sum(counts.values())
    return summary


@dataclass
class OutcomeView:
    objections: list[Objection]
    progress: list[Any]
    ratings: dict[str, int]
    comments: list[Evaluation]


COMMENTS_SHOWN = 50


def outcome_view(outcome: Outcome) -> OutcomeView:
    objections = list(outcome.objections.select_related("author", "answered_by"))
    progress = list(outcome.progress.prefetch_related("photos"))
    for step in progress:
        step.photo_urls = [p.file.url for p in step.photos.all()]  # type: ignore[attr-defined]
    comments = list(outcome.evaluations.exclude(comment="").select_related("user")[:COMMENTS_SHOWN])
    return OutcomeView(objections, progress, rating_summary(outcome), comments)


def outcome_list(user: Any) -> QuerySet[Outcome]:
    return visible_outcomes(user).select_related("proposal__region", "ballot")


def for_proposal(proposal: Proposal) -> tuple[Ballot | None, Outcome | None]:
    """The proposal's live ballot (cancelled ones are history) and its outcome. Two queries."""
    ballot = Ballot.objects.filter(proposal=proposal).exclude(state=BallotState.CANCELLED).first()
    outcome = Outcome.objects.filter(proposal=proposal).first()
    return ballot, outcome


def ids_for(proposal: Proposal) -> dict[str, int | None]:
    """{"ballot": id, "outcome": id} for the proposal detail API. Two queries."""
    ballot = (
        Ballot.objects.filter(proposal=proposal)
        .exclude(state=BallotState.CANCELLED)
        .values_list("pk", flat=True)
        .first()
    )
    outcome = Outcome.objects.filter(proposal=proposal).values_list("pk", flat=True).first()
    return {"ballot": ballot, "outcome": outcome}
