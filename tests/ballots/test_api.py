"""The ballots and outcomes API through HTTP: shapes, status codes, secrecy of running tallies."""

import json

import pytest
from django.test import Client

from ballots import actions
from ballots.models import Paper
from outcomes import actions as outcome_actions
from outcomes.models import Evaluation, Objection
from proposals.models import State
from tests.ballots.conftest import close_now, login, make_outcome, option_ids

JSON = "application/json"


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type=JSON)


def test_a_resident_votes_and_gets_a_receipt_then_409(client, world, ballot_in):
    ballot = ballot_in()
    login(client, world.resident_a)
    response = post(
        client, f"/api/v1/ballots/{ballot.pk}/vote", {"choices": option_ids(ballot)[:1]}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["receipt"] == Paper.objects.get(ballot=ballot).receipt
    assert (body["voted"], body["electorate"]) == (1, 2)
    again = post(client, f"/api/v1/ballots/{ballot.pk}/vote", {"choices": option_ids(ballot)[1:2]})
    assert again.status_code == 409
    assert again.json()["detail"] and "errors" in again.json()
    assert Paper.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"choices": []}, 422),
        ({"choices": [999999]}, 422),
        ({"choices": "1"}, 422),
        ({"choices": ["x"]}, 422),
        ({}, 422),
    ],
)
def test_bad_votes_answer_422_with_the_field(client, world, ballot_in, payload, status):
    ballot = ballot_in()
    login(client, world.resident_a)
    response = post(client, f"/api/v1/ballots/{ballot.pk}/vote", payload)
    assert response.status_code == status
    assert "choices" in response.json()["errors"]
    assert not Paper.objects.exists()


def test_anonymous_gets_401_and_outsiders_403_and_missing_404(client, world, ballot_in):
    ballot = ballot_in()
    url = f"/api/v1/ballots/{ballot.pk}/vote"
    assert post(client, url, {"choices": option_ids(ballot)[:1]}).status_code == 401
    login(client, world.resident_b)
    assert post(client, url, {"choices": option_ids(ballot)[:1]}).status_code == 403
    assert post(client, "/api/v1/ballots/999999/vote", {"choices": [1]}).status_code == 404
    assert client.get("/api/v1/ballots/999999").status_code == 404


def test_it_needs_the_csrf_token(world, ballot_in):
    ballot = ballot_in()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.resident_a)
    response = post(
        client, f"/api/v1/ballots/{ballot.pk}/vote", {"choices": option_ids(ballot)[:1]}
    )
    assert response.status_code == 403
    assert not Paper.objects.exists()


def test_a_secret_ballot_hides_its_tally_until_close(client, world, ballot_in):
    ballot = ballot_in()
    actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    body = client.get(f"/api/v1/ballots/{ballot.pk}").json()
    assert body["results"] is None and body["votes"] is None
    assert (body["voted"], body["electorate"], body["turnout"]) == (1, 2, 50.0)
    assert [o["label"] for o in body["options"]] == ["赞成", "反对", "弃权"]
    close_now(ballot)
    body = client.get(f"/api/v1/ballots/{ballot.pk}").json()
    assert body["results"]["options"][0]["total"] == 1
    assert body["results"]["quorum_met"] is True and body["results"]["passed"] is True
    assert body["votes"] is None


def test_an_open_ballot_shows_who_chose_what_to_the_village_only(client, world, ballot_in):
    ballot = ballot_in(secret=False)
    yes = option_ids(ballot)[0]
    actions.cast_vote(world.resident_a, ballot.pk, [yes])
    anonymous = client.get(f"/api/v1/ballots/{ballot.pk}").json()
    assert anonymous["votes"] is None and anonymous["results"]["options"][0]["total"] == 1
    login(client, world.resident_a2)
    body = client.get(f"/api/v1/ballots/{ballot.pk}").json()
    assert body["votes"] == [{"voter": "王秀英", "options": [yes]}]
    assert body["on_roll"] is True and body["has_voted"] is False
    login(client, world.resident_b)
    assert client.get(f"/api/v1/ballots/{ballot.pk}").json()["votes"] is None


def test_the_proposal_detail_exposes_its_ballot_and_outcome(client, world):
    outcome = make_outcome(world)
    body = client.get(f"/api/v1/proposals/{outcome.proposal_id}").json()
    assert body["ballot"] == outcome.ballot_id and body["outcome"] == outcome.pk


def test_the_outcome_shows_decision_tally_and_period(client, world):
    outcome = make_outcome(world)
    body = client.get(f"/api/v1/outcomes/{outcome.pk}").json()
    assert body["decision"] == outcome.decision
    assert body["results"]["cast"] == 2 and body["results"]["passed"] is True
    assert body["final"] is False and body["state"] == State.DECIDED
    assert body["ratings"] == {
        "satisfied": 0,
        "basically_satisfied": 0,
        "unsatisfied": 0,
        "count": 0,
    }
    assert client.get("/api/v1/outcomes/999999").status_code == 404


def test_objections_through_the_api(client, world):
    outcome = make_outcome(world)
    url = f"/api/v1/outcomes/{outcome.pk}/objections"
    assert post(client, url, {"text": "路灯位置不合适"}).status_code == 401
    login(client, world.resident_a)
    assert post(client, url, {"text": ""}).status_code == 422
    response = post(client, url, {"text": "路灯位置不合适"})
    assert response.status_code == 201 and response.json()["text"] == "路灯位置不合适"
    assert post(client, url, {"text": "再说一次"}).status_code == 409
    login(client, world.resident_b)
    assert post(client, url, {"text": "外村意见"}).status_code == 403
    assert Objection.objects.count() == 1


def test_objecting_after_the_period_is_refused(client, world):
    outcome = make_outcome(world, "final")
    login(client, world.resident_a)
    response = post(client, f"/api/v1/outcomes/{outcome.pk}/objections", {"text": "晚了"})
    assert response.status_code == 409
    assert not Objection.objects.exists()


def test_rating_through_the_api(client, world):
    outcome = make_outcome(world, "implementing")
    url = f"/api/v1/outcomes/{outcome.pk}/rating"
    login(client, world.resident_a)
    early = post(client, url, {"rating": "satisfied"})
    assert early.status_code == 409  # not completed yet
    outcome_actions.complete(world.committee_a, outcome.pk)
    assert post(client, url, {"rating": "great"}).status_code == 422
    response = post(client, url, {"rating": "satisfied", "comment": "灯很亮"})
    assert response.status_code == 201
    assert response.json()["summary"]["satisfied"] == 1
    assert post(client, url, {"rating": "unsatisfied"}).status_code == 409
    login(client, world.resident_b)
    assert post(client, url, {"rating": "unsatisfied"}).status_code == 403
    assert Evaluation.objects.count() == 1


def test_the_openapi_schema_lists_the_endpoints(client, world):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/ballots/{pk}",
        "/api/v1/ballots/{pk}/vote",
        "/api/v1/outcomes/{pk}",
        "/api/v1/outcomes/{pk}/objections",
        "/api/v1/outcomes/{pk}/rating",
    ]:
        assert path in paths
