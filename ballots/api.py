"""/api/v1/ballots — thin adapters over ballots.actions."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from ballots import actions, queries
from ballots.access import get_ballot_for
from ballots.models import Ballot
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
