"""The JSON API v1, through HTTP: shapes, errors, CSRF, privacy and query budgets."""

import json

import pytest
from django.test import Client

from proposals.models import Proposal, State
from tests.factories import MembershipFactory, UserFactory
from tests.proposals.conftest import category, login, published_rows

JSON = "application/json"


def _new(world, **overrides):
    data = {
        "title": "停车难",
        "body": "晚上车停满了村道。",
        "category": category().pk,
        "region": world.village_a.pk,
        "submit": True,
    }
    return {**data, **overrides}


def test_it_lists_regions_as_a_tree(client, world):
    rows = client.get("/api/v1/regions").json()
    by_name = {row["name"]: row for row in rows}
    assert by_name["测试市"]["parent"] is None
    assert by_name["村A"]["parent"] == by_name["测试街道"]["id"]
    assert by_name["村A"]["kind"] == "village"
    assert set(rows[0]) == {"id", "name", "kind", "parent"}


def test_it_lists_published_proposals_with_the_documented_fields(client, world, proposal_in):
    proposal = proposal_in(State.COLLECTING)
    proposal_in(State.DRAFT)
    body = client.get("/api/v1/proposals").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["id"] == proposal.pk
    assert item["region"] == {"id": world.village_a.pk, "name": "村A"}
    assert {"id", "title", "state", "category", "region", "support_count", "created"} <= set(item)


def test_it_filters_by_region_subtree_state_and_category(client, world, proposal_in):
    in_a = proposal_in(State.COLLECTING)
    in_b = proposal_in(State.REVIEWING, author=world.resident_b)

    def ids(query):
        return {item["id"] for item in client.get(f"/api/v1/proposals?{query}").json()["items"]}

    assert ids(f"region={world.township.pk}") == {in_a.pk, in_b.pk}
    assert ids(f"region={world.village_b.pk}") == {in_b.pk}
    assert ids(f"region={world.regions['other_township'].pk}") == set()
    assert ids("state=collecting") == {in_a.pk}
    assert ids(f"category={category().pk}") == {in_a.pk, in_b.pk}
    assert ids("category=999") == set()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("region=99999", "region"),
        ("region=abc", "region"),
        ("state=flying", "state"),
        ("category=x", "category"),
        ("sort=random", "sort"),
        ("page=abc", "page"),
    ],
)
def test_it_answers_bad_filters_with_422_and_the_field(client, world, query, field):
    response = client.get(f"/api/v1/proposals?{query}")
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_it_pages_the_list(client, world, proposal_in):
    for _ in range(21):
        proposal_in(State.COLLECTING)
    first = client.get("/api/v1/proposals").json()
    second = client.get("/api/v1/proposals?page=2").json()
    assert first["count"] == 21 and len(first["items"]) == 20 and len(second["items"]) == 1


def test_it_shows_the_detail_with_body_and_timeline(client, world, proposal_in):
    proposal = proposal_in(State.REJECTED)
    body = client.get(f"/api/v1/proposals/{proposal.pk}").json()
    assert body["body"] == proposal.body
    states = [entry["state"] for entry in body["timeline"]]
    assert states == ["created", "collecting", "reviewing", "rejected"]
    assert body["timeline"][-1]["reason"] == "理由"
    assert body["timeline"][-1]["actor"] == "陈主任"


def test_it_creates_a_proposal_for_an_approved_resident(client, world):
    response = login(client, world.resident_a).post(
        "/api/v1/proposals", _new(world), content_type=JSON
    )
    assert response.status_code == 201
    proposal = Proposal.objects.get()
    assert response.json()["id"] == proposal.pk and proposal.state == State.COLLECTING


def test_it_saves_a_draft_when_not_submitted(client, world):
    response = login(client, world.resident_a).post(
        "/api/v1/proposals", _new(world, submit=False), content_type=JSON
    )
    assert response.json()["state"] == "draft"
    assert Client().get(f"/api/v1/proposals/{response.json()['id']}").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "长" * 61}, "title"),
        ({"body": ""}, "body"),
        ({"body": "字" * 5001}, "body"),
        ({"body": "<script>alert(1)</script>"}, "body"),
        ({"body": "点这里 javascript:alert(1)"}, "body"),
        ({"body": "<a href='x'>链接</a>"}, "body"),
        ({"title": "<img src=x onerror=alert(1)>"}, "title"),
        ({"category": 999}, "category"),
        ({"category": None}, "category"),
        ({"region": 99999}, "region"),
        ({"region": None}, "region"),
        ({"category": "公共设施"}, "category"),
        ({"submit": "maybe"}, "submit"),
    ],
)
def test_it_refuses_bad_input_with_422_and_saves_nothing(client, world, overrides, field):
    response = login(client, world.resident_a).post(
        "/api/v1/proposals", _new(world, **overrides), content_type=JSON
    )
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] and field in body["errors"]
    assert not Proposal.objects.exists()


def test_it_refuses_malformed_json(client, world):
    response = login(client, world.resident_a).post(
        "/api/v1/proposals", "{not json", content_type=JSON
    )
    assert response.status_code in {400, 422}
    assert "detail" in response.json()
    assert not Proposal.objects.exists()


def test_it_answers_401_to_anonymous_writes(client, world, proposal_in):
    proposal = proposal_in(State.COLLECTING)
    assert client.post("/api/v1/proposals", _new(world), content_type=JSON).status_code == 401
    response = client.post(f"/api/v1/proposals/{proposal.pk}/support")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_it_answers_404_alike_for_missing_and_forbidden(client, world, proposal_in):
    draft = proposal_in(State.DRAFT)
    client = login(client, world.resident_a2)
    missing = client.get("/api/v1/proposals/999999")
    hidden = client.get(f"/api/v1/proposals/{draft.pk}")
    assert missing.status_code == hidden.status_code == 404
    assert missing.json() == hidden.json()


def test_it_refuses_writes_without_the_csrf_token(world, proposal_in):
    proposal = proposal_in(State.COLLECTING)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.resident_a2)
    refused = client.post(f"/api/v1/proposals/{proposal.pk}/support")
    assert refused.status_code == 403
    client.get("/proposals/")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(f"/api/v1/proposals/{proposal.pk}/support", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 200
    assert accepted.json() == {
        "id": proposal.pk,
        "state": "collecting",
        "support_count": 1,
        "supported": True,
    }


def test_it_refuses_supporting_twice_with_409(client, world, proposal_in):
    proposal = proposal_in(State.COLLECTING)
    client = login(client, world.resident_a2)
    assert client.post(f"/api/v1/proposals/{proposal.pk}/support").status_code == 200
    again = client.post(f"/api/v1/proposals/{proposal.pk}/support")
    assert again.status_code == 409
    proposal.refresh_from_db()
    assert proposal.support_count == 1


def test_it_withdraws_a_support_while_collecting(client, world, proposal_in):
    proposal = proposal_in(State.COLLECTING)
    client = login(client, world.resident_a2)
    client.post(f"/api/v1/proposals/{proposal.pk}/support")
    response = client.delete(f"/api/v1/proposals/{proposal.pk}/support")
    assert response.json()["support_count"] == 0
    assert client.delete(f"/api/v1/proposals/{proposal.pk}/support").status_code == 409


def test_it_moves_to_review_when_the_threshold_is_reached(client, world, proposal_in):
    proposal = proposal_in(State.COLLECTING)
    for _ in range(5):
        resident = UserFactory()
        MembershipFactory(user=resident, region=world.village_a)
        client.force_login(resident)
        last = client.post(f"/api/v1/proposals/{proposal.pk}/support").json()
    assert last["state"] == "reviewing" and last["support_count"] == 5


def test_it_merges_and_carries_supporters_over(client, world, proposal_in):
    source = proposal_in(State.COLLECTING)
    target = proposal_in(State.COLLECTING, author=world.resident_a2)
    extra = UserFactory()
    MembershipFactory(user=extra, region=world.village_a)
    login(Client(), extra).post(f"/api/v1/proposals/{source.pk}/support")
    login(Client(), world.resident_a2).post(f"/api/v1/proposals/{source.pk}/support")
    response = login(client, world.committee_a).post(
        f"/api/v1/proposals/{source.pk}/review",
        {"decision": "merge", "merge_into": target.pk, "reason": "同一件事"},
        content_type=JSON,
    )
    assert response.status_code == 200
    assert response.json()["state"] == "merged" and response.json()["merged_into"] == target.pk
    target.refresh_from_db()
    # resident_a2 wrote the target: only the other supporter carries over.
    assert target.support_count == 1


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"decision": "reject", "reason": ""}, 422, "reason"),
        ({"decision": "reject", "reason": "太" * 501}, 422, "reason"),
        ({"decision": "maybe"}, 422, "decision"),
        ({"decision": "merge"}, 422, "merge_into"),
        ({"decision": "merge", "merge_into": 999999}, 404, "merge_into"),
    ],
)
def test_it_refuses_bad_reviews(client, world, proposal_in, payload, status, field):
    proposal = proposal_in(State.REVIEWING)
    response = login(client, world.committee_a).post(
        f"/api/v1/proposals/{proposal.pk}/review", payload, content_type=JSON
    )
    assert response.status_code == status
    assert field in response.json()["errors"]
    proposal.refresh_from_db()
    assert proposal.state == State.REVIEWING


def test_it_refuses_merging_into_another_village(client, world, proposal_in):
    proposal = proposal_in(State.REVIEWING)
    other = proposal_in(State.COLLECTING, author=world.resident_b)
    response = login(client, world.staff).post(
        f"/api/v1/proposals/{proposal.pk}/review",
        {"decision": "merge", "merge_into": other.pk},
        content_type=JSON,
    )
    assert response.status_code == 422 and "merge_into" in response.json()["errors"]


def test_it_never_shows_phone_numbers(client, world, proposal_in):
    proposal = proposal_in(State.DELIBERATING)
    login(Client(), world.resident_a2)
    texts = [
        client.get("/api/v1/proposals").content,
        client.get("/api/v1/regions").content,
        client.get(f"/api/v1/proposals/{proposal.pk}").content,
        client.get(f"/proposals/{proposal.pk}/").content,
    ]
    phones = [u.phone for u in (world.resident_a, world.committee_a) if u.phone]
    for text in texts:
        for phone in phones:
            assert phone.encode() not in text and phone[3:].encode() not in text


def test_it_serves_openapi_and_local_docs(client, world):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/proposals" in schema["paths"]
    assert "/api/v1/proposals/{pk}/review" in schema["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in docs and "unpkg" not in docs and "jsdelivr" not in docs


@pytest.mark.parametrize("rows", [1, 200])
def test_the_list_runs_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    published_rows(world, rows)
    client = login(client, world.resident_a2)
    with django_assert_max_num_queries(4):  # session, user, count, page
        body = client.get("/api/v1/proposals").json()
    assert body["count"] == rows
    assert json.dumps(body)
