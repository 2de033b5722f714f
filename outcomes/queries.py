"""Read-side queries shared by the pages and the API, each with a fixed number of queries."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from outcomes.access import visible_outcomes
from outcomes.models import Evaluation, Objection, Outcome, Rating
from proposals.models import Proposal


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


def for_proposal(proposal: Proposal) -> Outcome | None:
    """The proposal's outcome, if published. One query."""
    return Outcome.objects.filter(proposal=proposal).first()


def outcome_id(proposal: Proposal) -> int | None:
    """The id of the proposal's outcome, for the proposal detail API. One query."""
    return Outcome.objects.filter(proposal=proposal).values_list("pk", flat=True).first()
