"""Proposals in any state, reached through the real actions (so the audit log is true)."""

from typing import Any

import pytest

from core import ratelimit
from proposals import actions
from proposals.lifecycle import transition
from proposals.models import Category, Proposal, State
from tests.conftest import World

# The path from "collecting" to each state, as (target, who) steps.
PATHS: dict[State, list[tuple[State, str]]] = {
    State.DRAFT: [],
    State.COLLECTING: [],
    State.WITHDRAWN: [(State.WITHDRAWN, "author")],
    State.REVIEWING: [(State.REVIEWING, "system")],
    State.REJECTED: [(State.REVIEWING, "system"), (State.REJECTED, "committee")],
    State.MERGED: [(State.REVIEWING, "system"), (State.MERGED, "committee")],
    State.DELIBERATING: [(State.REVIEWING, "system"), (State.DELIBERATING, "committee")],
    State.VOTING: [
        (State.REVIEWING, "system"),
        (State.DELIBERATING, "committee"),
        (State.VOTING, "committee"),
    ],
    State.DECIDED: [
        (State.REVIEWING, "system"),
        (State.DELIBERATING, "committee"),
        (State.VOTING, "committee"),
        (State.DECIDED, "committee"),
    ],
    State.IMPLEMENTING: [
        (State.REVIEWING, "system"),
        (State.DELIBERATING, "committee"),
        (State.VOTING, "committee"),
        (State.DECIDED, "committee"),
        (State.IMPLEMENTING, "committee"),
    ],
    State.COMPLETED: [
        (State.REVIEWING, "system"),
        (State.DELIBERATING, "committee"),
        (State.VOTING, "committee"),
        (State.DECIDED, "committee"),
        (State.IMPLEMENTING, "committee"),
        (State.COMPLETED, "committee"),
    ],
}
ALL_STATES = list(PATHS)


def category() -> Category:
    """The first category (transactional tests flush the seeded ones: recreate it)."""
    return Category.objects.order_by("position").first() or Category.objects.create(
        name="公共设施", position=0
    )


def make_proposal(
    world: World,
    state: State = State.COLLECTING,
    *,
    author: Any = None,
    title: str = "村口路灯坏了",
    body: str = "晚上一片漆黑，老人出门不便。",
) -> Proposal:
    with ratelimit.suspended():
        return _make(world, state, author=author, title=title, body=body)


def _make(world: World, state: State, *, author: Any, title: str, body: str) -> Proposal:
    author = author or world.resident_a
    region = world.village_b if author == world.resident_b else world.village_a
    committee = world.committee_b if region == world.village_b else world.committee_a
    proposal = actions.create_proposal(
        author,
        title=title,
        body=body,
        category=category().pk,
        region=region.pk,
        submit=state != State.DRAFT,
    )
    for target, who in PATHS[state]:
        if target == State.MERGED:
            other = actions.create_proposal(
                author,
                title="同一件事",
                body="重复",
                category=category().pk,
                region=region.pk,
                submit=True,
            )
            actions.merge_proposal(committee, proposal.pk, into=other.pk, reason="重复")
        elif who == "system":
            transition(proposal, target, None, system=True)
        elif who == "author":
            transition(proposal, target, author)
        else:
            transition(
                proposal, target, committee, reason="理由" if target == State.REJECTED else ""
            )
    proposal.refresh_from_db()
    assert proposal.state == state
    return proposal


def published_rows(world: World, rows: int) -> None:
    """`rows` published proposals in 村A, inserted in bulk (for query budgets)."""
    template = make_proposal(world, State.COLLECTING)
    Proposal.objects.bulk_create(
        Proposal(
            title=f"议题{i}",
            body="内容",
            category=template.category,
            region=world.village_a,
            author=world.resident_a,
            state=State.COLLECTING,
            submitted_at=template.submitted_at,
        )
        for i in range(rows - 1)
    )


@pytest.fixture
def proposal_in(world: World) -> Any:
    def build(state: State = State.COLLECTING, **kwargs: Any) -> Proposal:
        return make_proposal(world, state, **kwargs)

    return build


def login(client: Any, user: Any) -> Any:
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _fast_passwords_and_own_media(settings: Any, tmp_path: Any) -> None:
    """The personas' passwords need not be expensive to hash; uploads go to a temp folder."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
