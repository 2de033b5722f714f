"""Role × place × state matrices for every proposal action, through the JSON API and pages.

The proposal belongs to 村A and was raised by resident_a. Relative to it: resident_a2 and
committee_a are of the same village, resident_b and committee_b of the sibling village,
staff of the township above; outsider, editor and dept hold no role there.
"""

import pytest

from proposals.models import Proposal, State, Support
from tests.proposals.conftest import ALL_STATES, category, login

PERSONAS = [
    "anonymous",
    "outsider",
    "resident_a",
    "resident_a2",
    "resident_b",
    "committee_a",
    "committee_b",
    "staff",
    "editor",
    "dept",
    "admin",
]
MODERATORS_OF_A = {"committee_a", "staff", "admin"}
AUTHOR = "resident_a"


def _hidden(persona: str, state: State) -> bool:
    return state == State.DRAFT and persona != AUTHOR


def expected_support(persona: str, state: State) -> int:
    if persona == "anonymous":
        return 401
    if _hidden(persona, state):
        return 404
    if state != State.COLLECTING:
        return 409
    return 200 if persona == "resident_a2" else 403


@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_support_matrix(client, world, proposal_in, persona, state):
    proposal = proposal_in(state)
    before = proposal.support_count
    response = login(client, world.persona(persona)).post(
        f"/api/v1/proposals/{proposal.pk}/support"
    )
    assert response.status_code == expected_support(persona, state), response.content
    proposal.refresh_from_db()
    if response.status_code == 200:
        assert proposal.support_count == before + 1
    else:
        assert proposal.support_count == before
        assert set(response.json()) >= {"detail", "errors"}


ALLOWED_REVIEW = {
    "accept": {State.REVIEWING},
    "reject": {State.COLLECTING, State.REVIEWING},
}


def expected_review(persona: str, state: State, decision: str) -> int:
    if persona == "anonymous":
        return 401
    if _hidden(persona, state):
        return 404
    if persona not in MODERATORS_OF_A:
        return 403
    return 200 if state in ALLOWED_REVIEW[decision] else 409


@pytest.mark.parametrize("decision", ["accept", "reject"])
@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_review_matrix(client, world, proposal_in, persona, state, decision):
    proposal = proposal_in(state)
    response = login(client, world.persona(persona)).post(
        f"/api/v1/proposals/{proposal.pk}/review",
        {"decision": decision, "reason": "不属于村务"},
        content_type="application/json",
    )
    assert response.status_code == expected_review(persona, state, decision), response.content
    proposal.refresh_from_db()
    if response.status_code == 200:
        assert proposal.state == (State.DELIBERATING if decision == "accept" else State.REJECTED)
    else:
        assert proposal.state == state


@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_merge_matrix(client, world, proposal_in, persona, state):
    proposal = proposal_in(state)
    target = proposal_in(State.COLLECTING, author=world.resident_a2, title="另一个路灯议题")
    response = login(client, world.persona(persona)).post(
        f"/api/v1/proposals/{proposal.pk}/review",
        {"decision": "merge", "merge_into": target.pk},
        content_type="application/json",
    )
    allowed = {State.COLLECTING, State.REVIEWING}
    if persona == "anonymous":
        expected = 401
    elif _hidden(persona, state):
        expected = 404
    elif persona not in MODERATORS_OF_A:
        expected = 403
    else:
        expected = 200 if state in allowed else 409
    assert response.status_code == expected, response.content
    proposal.refresh_from_db()
    assert (proposal.state == State.MERGED) == (expected == 200 or state == State.MERGED)


@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_view_matrix(client, world, proposal_in, persona, state):
    proposal = proposal_in(state)
    client = login(client, world.persona(persona))
    expected = 404 if _hidden(persona, state) else 200
    assert client.get(f"/api/v1/proposals/{proposal.pk}").status_code == expected
    assert client.get(f"/proposals/{proposal.pk}/").status_code == expected
    listed = [item["id"] for item in client.get("/api/v1/proposals").json()["items"]]
    assert (proposal.pk in listed) == (expected == 200)


@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_withdraw_matrix(client, world, proposal_in, persona, state):
    proposal = proposal_in(state)
    response = login(client, world.persona(persona)).post(f"/proposals/{proposal.pk}/withdraw/")
    allowed = persona == AUTHOR and state in {State.DRAFT, State.COLLECTING}
    proposal.refresh_from_db()
    assert proposal.state == (State.WITHDRAWN if allowed else state)
    if persona == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif _hidden(persona, state):
        assert response.status_code == 404
    else:
        assert response.status_code == 302


@pytest.mark.parametrize("state", [State.DRAFT, State.COLLECTING, State.REVIEWING])
@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_matrix(client, world, proposal_in, persona, state):
    proposal = proposal_in(state)
    response = login(client, world.persona(persona)).post(
        f"/proposals/{proposal.pk}/edit/",
        {"title": "改过的标题", "body": "改过的内容", "category": proposal.category_id},
    )
    allowed = persona == AUTHOR and state == State.DRAFT
    proposal.refresh_from_db()
    assert (proposal.title == "改过的标题") == allowed
    if _hidden(persona, state):
        assert response.status_code in {302, 404}  # anonymous is sent to log in
    else:
        assert response.status_code == 302


@pytest.mark.parametrize(
    ("persona", "place", "allowed"),
    [
        ("resident_a", "village_a", True),
        ("resident_a", "village_b", False),
        ("resident_b", "village_b", True),
        ("committee_a", "village_a", False),
        ("staff", "village_a", False),
        ("outsider", "village_a", False),
        ("resident_a", "township", False),
    ],
)
def test_create_matrix(client, world, persona, place, allowed):
    response = login(client, world.persona(persona)).post(
        "/api/v1/proposals",
        {
            "title": "垃圾分类点太远",
            "body": "希望在三组增设一个分类点。",
            "category": category().pk,
            "region": world.regions[place].pk,
            "submit": True,
        },
        content_type="application/json",
    )
    assert response.status_code == (201 if allowed else 422), response.content
    assert Proposal.objects.exists() == allowed
    if not allowed:
        assert "region" in response.json()["errors"]


@pytest.mark.parametrize(
    ("persona", "place", "status"),
    [
        ("committee_a", "village_a", 302),
        ("staff", "village_a", 302),
        ("staff", "village_b", 302),
        ("committee_b", "village_a", 404),
        ("resident_a", "village_a", 404),
        ("committee_a", "township", 404),
    ],
)
def test_threshold_matrix(client, world, proposal_in, persona, place, status):
    proposal = proposal_in(State.COLLECTING)
    Support.objects.create(proposal=proposal, user=world.resident_a2)
    Proposal.objects.filter(pk=proposal.pk).update(support_count=1)
    client = login(client, world.persona(persona))
    response = client.post(
        "/proposals/review/", {"region": world.regions[place].pk, "threshold": 1}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    changed = status == 302 and place == "village_a"
    assert (proposal.state == State.REVIEWING) == changed
