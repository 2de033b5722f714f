"""GET/POST /api/v1/proposals/{id}/messages: the HTTP resync and fallback."""

import pytest

from core import ratelimit
from proposals.models import State
from rooms import actions
from rooms.models import Message
from tests.proposals.conftest import login, make_proposal

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _said(world, proposal, count):
    with ratelimit.suspended():
        return [
            actions.say(world.resident_a, proposal.pk, body=f"第{n}条", client_id=f"c{n}")[0]
            for n in range(count)
        ]


def test_it_returns_the_same_message_objects_as_the_socket(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    _said(world, proposal, 3)
    body = client.get(f"/api/v1/proposals/{proposal.pk}/messages").json()
    assert body["room"] == {"id": proposal.pk, "state": "open", "can_speak": False}
    assert [m["id"] for m in body["items"]] == [1, 2, 3]
    item = body["items"][0]
    assert set(item) == {"id", "author", "body", "created", "client_id", "hidden", "reason"}
    assert item["author"] == {"id": world.resident_a.pk, "name": "王秀英"}
    assert "phone" not in str(body)


def test_after_returns_every_later_message_in_order(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    _said(world, proposal, 60)
    items = client.get(f"/api/v1/proposals/{proposal.pk}/messages?after=7").json()["items"]
    assert [m["id"] for m in items] == list(range(8, 61))
    latest = client.get(f"/api/v1/proposals/{proposal.pk}/messages").json()["items"]
    assert [m["id"] for m in latest] == list(range(11, 61))


@pytest.mark.parametrize("query", ["after=abc", "after=-1&before=x"])
def test_bad_query_values_are_a_422_not_a_500(client, world, query):
    proposal = make_proposal(world, State.DELIBERATING)
    response = client.get(f"/api/v1/proposals/{proposal.pk}/messages?{query}")
    assert response.status_code == 422
    assert "detail" in response.json()


def test_drafts_and_missing_proposals_answer_404(client, world):
    draft = make_proposal(world, State.DRAFT)
    assert client.get(f"/api/v1/proposals/{draft.pk}/messages").status_code == 404
    assert client.get("/api/v1/proposals/99999/messages").status_code == 404


def test_speaking_over_http_is_idempotent_by_client_id(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    login(client, world.resident_a2)
    url = f"/api/v1/proposals/{proposal.pk}/messages"
    first = client.post(url, {"body": "HTTP 也能发", "client_id": "h-1"}, content_type=JSON)
    again = client.post(url, {"body": "HTTP 也能发", "client_id": "h-1"}, content_type=JSON)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] == 1
    assert Message.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"body": "", "client_id": "a"}, 422, "invalid"),
        ({"body": "长" * 1001, "client_id": "a"}, 422, "too_long"),
        ({"body": "x", "client_id": ""}, 422, "invalid"),
    ],
)
def test_bad_bodies_are_refused_and_nothing_is_stored(client, world, payload, status, code):
    proposal = make_proposal(world, State.DELIBERATING)
    login(client, world.resident_a2)
    response = client.post(f"/api/v1/proposals/{proposal.pk}/messages", payload, content_type=JSON)
    assert response.status_code == status
    assert response.json()["code"] == code
    assert not Message.objects.exists()


def test_anonymous_speaking_is_a_401(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    response = client.post(
        f"/api/v1/proposals/{proposal.pk}/messages",
        {"body": "匿名", "client_id": "z"},
        content_type=JSON,
    )
    assert response.status_code == 401


@pytest.mark.parametrize("rows", [1, 200])
def test_the_messages_list_runs_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    proposal = make_proposal(world, State.DELIBERATING)
    _said(world, proposal, rows)
    login(client, world.resident_a2)
    with django_assert_max_num_queries(6):
        response = client.get(f"/api/v1/proposals/{proposal.pk}/messages?after=0")
    assert len(response.json()["items"]) == rows
