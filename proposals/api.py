"""/api/v1/proposals — thin adapters over proposals.actions and proposals.queries."""

from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from accounts.models import Region
from core.api import session_auth
from core.errors import ActionError
from core.parse import as_id
from proposals import actions, queries
from proposals.models import Follow, Proposal, State, Support
from proposals.permissions import may_review, may_support
from proposals.registry import detail_fields

router = Router(tags=["proposals"])
PAGE_SIZE = 20


class Ref(Schema):
    id: int
    name: str


class ProposalItem(Schema):
    id: int
    title: str
    state: str
    category: Ref
    region: Ref
    support_count: int
    created: datetime


class ProposalPage(Schema):
    items: list[ProposalItem]
    count: int
    page: int
    pages: int


class TimelineEntry(Schema):
    state: str
    actor: str | None
    time: datetime
    reason: str


class ProposalDetail(ProposalItem):
    body: str
    author: str
    submitted: datetime | None
    merged_into: int | None
    images: list[str]
    timeline: list[TimelineEntry]
    supported: bool
    following: bool
    may_support: bool
    may_review: bool
    ballot: int | None = None
    outcome: int | None = None


class ProposalIn(Schema):
    title: str = ""
    body: str = ""
    category: int | None = None
    region: int | None = None
    submit: bool = False


class ReviewIn(Schema):
    decision: str = ""
    reason: str = ""
    merge_into: int | None = None


class SupportOut(Schema):
    id: int
    state: str
    support_count: int
    supported: bool


class FollowOut(Schema):
    id: int
    following: bool


def _item(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.pk,
        "title": p.title,
        "state": p.state,
        "category": {"id": p.category_id, "name": p.category.name},
        "region": {"id": p.region_id, "name": p.region.name},
        "support_count": p.support_count,
        "created": p.created,
    }


def _detail(user: Any, p: Proposal) -> dict[str, Any]:
    signed_in = user.is_authenticated
    return {
        **_item(p),
        "body": p.body,
        "author": p.author.name,
        "submitted": p.submitted_at,
        "merged_into": p.merged_into_id,
        "images": [reverse("proposals:image", args=[p.pk, i.pk]) for i in p.images.all()],
        "timeline": [
            {
                "state": e.verb.removeprefix("proposal."),
                "actor": e.actor.name if e.actor else None,
                "time": e.created,
                "reason": e.reason,
            }
            for e in queries.timeline(p)
        ],
        "supported": signed_in and Support.objects.filter(proposal=p, user=user).exists(),
        "following": signed_in and Follow.objects.filter(proposal=p, user=user).exists(),
        "may_support": may_support(user, p),
        "may_review": may_review(user, p),
        **detail_fields(p),
    }


def _region_path(value: str) -> str | None:
    if not value:
        return None
    region = Region.objects.filter(pk=as_id(value) or 0).first()
    if region is None:
        raise ActionError(_("Please choose one of the listed places."), field="region")
    return region.path


@router.get("", response=ProposalPage, summary="List published proposals")
def list_proposals(
    request: HttpRequest,
    region: str = "",
    state: str = "",
    category: str = "",
    sort: str = "new",
    page: int = 1,
) -> dict[str, Any]:
    """`region` covers the place's whole subtree. 20 items a page."""
    if state and state not in State.values:
        raise ActionError(_("Unknown state."), field="state")
    if category and as_id(category) is None:
        raise ActionError(_("Please choose one of the listed categories."), field="category")
    if sort not in queries.SORT_ORDER:
        raise ActionError(_("Unknown sort order."), field="sort")
    queryset = queries.proposal_list(
        request.user,
        region_path=_region_path(region),
        state=state or None,
        category=as_id(category),
        sort=sort,
    )
    found = Paginator(queryset, PAGE_SIZE).get_page(page)
    return {
        "items": [_item(p) for p in found],
        "count": found.paginator.count,
        "page": found.number,
        "pages": found.paginator.num_pages,
    }


@router.get("/{int:pk}", response=ProposalDetail, summary="One proposal with its timeline")
def get_proposal(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _detail(request.user, actions.get_proposal_for(request.user, pk))


@router.post("", response={201: ProposalDetail}, auth=session_auth, summary="Raise a proposal")
def create_proposal(request: HttpRequest, payload: ProposalIn) -> Status:
    proposal = actions.create_proposal(
        request.user,
        title=payload.title,
        body=payload.body,
        category=payload.category,
        region=payload.region,
        submit=payload.submit,
    )
    return Status(201, _detail(request.user, actions.get_proposal_for(request.user, proposal.pk)))


def _support_out(user: Any, p: Proposal) -> dict[str, Any]:
    return {
        "id": p.pk,
        "state": p.state,
        "support_count": p.support_count,
        "supported": Support.objects.filter(proposal=p, user=user).exists(),
    }


@router.post("/{int:pk}/support", response=SupportOut, auth=session_auth, summary="Co-sign")
def support(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _support_out(request.user, actions.support_proposal(request.user, pk))


@router.delete(
    "/{int:pk}/support", response=SupportOut, auth=session_auth, summary="Withdraw a co-signature"
)
def unsupport(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _support_out(request.user, actions.unsupport_proposal(request.user, pk))


@router.post("/{int:pk}/follow", response=FollowOut, auth=session_auth, summary="Follow")
def follow(request: HttpRequest, pk: int) -> dict[str, Any]:
    actions.follow_proposal(request.user, pk)
    return {"id": pk, "following": True}


@router.delete("/{int:pk}/follow", response=FollowOut, auth=session_auth, summary="Unfollow")
def unfollow(request: HttpRequest, pk: int) -> dict[str, Any]:
    actions.unfollow_proposal(request.user, pk)
    return {"id": pk, "following": False}


@router.post(
    "/{int:pk}/review",
    response=ProposalDetail,
    auth=session_auth,
    summary="Accept, reject or merge (committee, or staff above)",
)
def review(request: HttpRequest, pk: int, payload: ReviewIn) -> dict[str, Any]:
    actions.review_proposal(
        request.user,
        pk,
        decision=payload.decision,
        reason=payload.reason,
        merge_into=payload.merge_into,
    )
    return _detail(request.user, actions.get_proposal_for(request.user, pk))
