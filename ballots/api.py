"""/api/v1/ballots and /api/v1/outcomes — thin adapters over ballots.actions."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from ballots import actions, queries
from ballots.access import get_ballot_for, get_outcome_for
from ballots.models import Ballot, Outcome
from core.api import session_auth

router = Router(tags=["ballots"])


class OptionOut(Schema):
    id: int
    label: str


class ResultOption(Schema):
    id: int
    label: str
    online: int
    paper: int
    total: int
    carried: bool


class ResultOut(Schema):
    options: list[ResultOption]
    cast: int
    online: int
    paper: int
    electorate: int
    quorum_percent: int
    pass_rule: str
    quorum_met: bool
    passed: bool


class OpenVoteOut(Schema):
    voter: str
    options: list[int]


class BallotOut(Schema):
    id: int
    proposal: int
    question: str
    kind: str
    max_choices: int
    secret: bool
    state: str
    opens_at: datetime
    closes_at: datetime
    quorum_percent: int
    pass_rule: str
    options: list[OptionOut]
    electorate: int
    voted: int
    turnout: float
    on_roll: bool
    has_voted: bool
    results: ResultOut | None
    votes: list[OpenVoteOut] | None


class VoteIn(Schema):
    choices: list[Any] = []


class ReceiptOut(Schema):
    ballot: int
    receipt: str
    voted: int
    electorate: int


class ObjectionOut(Schema):
    id: int
    author: str
    text: str
    created: datetime
    answer: str
    answered_at: datetime | None


class ProgressOut(Schema):
    text: str
    percent: int
    created: datetime
    photos: list[str]


class RatingSummary(Schema):
    satisfied: int
    basically_satisfied: int
    unsatisfied: int
    count: int


class OutcomeOut(Schema):
    id: int
    proposal: int
    ballot: int | None
    decision: str
    responsible: str
    deadline: date
    published_at: datetime
    objections_until: datetime
    final: bool
    state: str
    results: ResultOut | None
    objections: list[ObjectionOut]
    progress: list[ProgressOut]
    ratings: RatingSummary


class ObjectionIn(Schema):
    text: str = ""


class RatingIn(Schema):
    rating: str = ""
    comment: str = ""


class RatingOut(Schema):
    outcome: int
    rating: str
    comment: str
    summary: RatingSummary


def _ballot(user: Any, ballot: Ballot) -> dict[str, Any]:
    view = queries.ballot_view(user, ballot)
    return {
        "id": ballot.pk,
        "proposal": ballot.proposal_id,
        "question": ballot.question,
        "kind": ballot.kind,
        "max_choices": ballot.max_choices,
        "secret": ballot.secret,
        "state": ballot.state,
        "opens_at": ballot.opens_at,
        "closes_at": ballot.closes_at,
        "quorum_percent": ballot.quorum_percent,
        "pass_rule": ballot.pass_rule,
        "options": [{"id": o.pk, "label": o.label} for o in view.options],
        "electorate": ballot.electorate_size,
        "voted": ballot.voted_count,
        "turnout": ballot.turnout_percent,
        "on_roll": view.entry is not None,
        "has_voted": bool(view.entry and view.entry.channel),
        "results": view.results,
        "votes": view.open_votes,
    }


def _outcome(outcome: Outcome) -> dict[str, Any]:
    view = queries.outcome_view(outcome)
    return {
        "id": outcome.pk,
        "proposal": outcome.proposal_id,
        "ballot": outcome.ballot_id,
        "decision": outcome.decision,
        "responsible": outcome.responsible,
        "deadline": outcome.deadline,
        "published_at": outcome.published_at,
        "objections_until": outcome.objections_until,
        "final": outcome.is_final,
        "state": outcome.proposal.state,
        "results": outcome.ballot.result if outcome.ballot else None,
        "objections": [
            {
                "id": o.pk,
                "author": o.author.name,
                "text": o.text,
                "created": o.created,
                "answer": o.answer,
                "answered_at": o.answered_at,
            }
            for o in view.objections
        ],
        "progress": [
            {"text": p.text, "percent": p.percent, "created": p.created, "photos": p.photo_urls}
            for p in view.progress
        ],
        "ratings": view.ratings,
    }


@router.get("/ballots/{int:pk}", response=BallotOut, summary="One ballot; results when allowed")
def get_ballot(request: HttpRequest, pk: int) -> dict[str, Any]:
    """Running tallies of a secret ballot stay hidden until it closes."""
    return _ballot(request.user, get_ballot_for(request.user, pk))


@router.post(
    "/ballots/{int:pk}/vote",
    response={201: ReceiptOut},
    auth=session_auth,
    summary="Vote once; the receipt is shown only now",
)
def vote(request: HttpRequest, pk: int, payload: VoteIn) -> Status:
    paper = actions.cast_vote(request.user, pk, payload.choices)
    ballot = Ballot.objects.get(pk=pk)
    return Status(
        201,
        {
            "ballot": pk,
            "receipt": paper.receipt,
            "voted": ballot.voted_count,
            "electorate": ballot.electorate_size,
        },
    )


@router.get("/outcomes/{int:pk}", response=OutcomeOut, summary="A published outcome")
def get_outcome(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _outcome(get_outcome_for(request.user, pk))


@router.post(
    "/outcomes/{int:pk}/objections",
    response={201: ObjectionOut},
    auth=session_auth,
    summary="Object during the publicity period (residents of the village, once)",
)
def object_to(request: HttpRequest, pk: int, payload: ObjectionIn) -> Status:
    o = actions.lodge_objection(request.user, pk, payload.text)
    body = {
        "id": o.pk,
        "author": request.user.name,  # type: ignore[union-attr]
        "text": o.text,
        "created": o.created,
        "answer": "",
        "answered_at": None,
    }
    return Status(201, body)


@router.post(
    "/outcomes/{int:pk}/rating",
    response={201: RatingOut},
    auth=session_auth,
    summary="Rate a completed matter (residents of the village, once)",
)
def rate(request: HttpRequest, pk: int, payload: RatingIn) -> Status:
    evaluation = actions.rate_outcome(
        request.user, pk, rating=payload.rating, comment=payload.comment
    )
    summary = queries.rating_summary(evaluation.outcome)
    body = {
        "outcome": pk,
        "rating": evaluation.rating,
        "comment": evaluation.comment,
        "summary": summary,
    }
    return Status(201, body)
