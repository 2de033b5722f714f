"""/api/v1/outcomes — thin adapters over outcomes.actions."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from ballots.api import ResultOut
from core.api import session_auth
from outcomes import actions, queries
from outcomes.access import get_outcome_for
from outcomes.models import Outcome

router = Router(tags=["outcomes"])


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
