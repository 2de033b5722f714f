"""Role × place × room state matrices for speaking (over the socket) and moderating (HTTP).

The proposal belongs to 村A. resident_a/a2 and committee_a are of that village;
resident_b and committee_b of the sibling 村B; staff of the township above both;
outsider, editor and dept hold no role there; admin is a superuser.
"""

import json

import pytest

from proposals.models import State
from rooms import actions
from rooms.models import Message, Mute, Report
from tests.proposals.conftest import login, make_proposal
from tests.rooms.conftest import open_socket, run, session_cookie

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
SPEAKERS_OF_A = {"resident_a", "resident_a2", "committee_a", "staff", "admin"}
MODERATORS_OF_A = {"committee_a", "staff", "admin"}
JSON = "application/json"


def expected_say(persona: str, room_open: bool) -> str:
    if persona not in SPEAKERS_OF_A:
        return "forbidden"
    return "message" if room_open else "room_closed"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("room_open", [True, False], ids=["open", "closed"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_speak_over_the_socket(world, deliberating, persona, room_open):
    user = world.persona(persona)
    if not room_open:
        actions.close_room(world.committee_a, deliberating.pk)
    cookie = session_cookie(user)

    async def scenario():
        connected, _code, socket = await open_socket(deliberating.pk, cookie)
        assert connected  # everyone may listen to a public room
        assert socket.hello["room"]["state"] == ("open" if room_open else "closed")
        assert socket.hello["room"]["can_speak"] is (persona in SPEAKERS_OF_A)
        await socket.say("我说两句", "m1")
        frame = await socket.receive()
        outcome = frame["type"] if frame["type"] == "message" else frame["code"]
        assert outcome == expected_say(persona, room_open)
        await socket.close()

    run(scenario)
    assert Message.objects.count() == (expected_say(persona, room_open) == "message")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("state", [State.COLLECTING, State.VOTING, State.DECIDED])
def test_a_room_is_read_only_outside_deliberation(world, state):
    from tests.rooms.conftest import ensure_categories

    ensure_categories()
    proposal = make_proposal(world, state)
    cookie = session_cookie(world.resident_a2)

    async def scenario():
        connected, _code, socket = await open_socket(proposal.pk, cookie)
        assert connected and socket.hello["room"]["state"] == "closed"
        await socket.say("现在还能说吗", "late")
        assert (await socket.receive())["code"] == "room_closed"
        await socket.close()

    run(scenario)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_hide_over_the_socket(world, deliberating, persona):
    message, _ = actions.say(world.resident_a, deliberating.pk, body="不文明的话", client_id="h1")
    cookie = session_cookie(world.persona(persona))

    async def scenario():
        _ok, _code, socket = await open_socket(deliberating.pk, cookie)
        await socket.send({"type": "hide", "id": message.seq, "reason": "人身攻击"})
        frame = await socket.receive()
        if persona in MODERATORS_OF_A:
            assert frame == {"type": "hidden", "id": message.seq, "reason": "人身攻击"}
        else:
            assert frame["code"] == "forbidden"
        await socket.close()

    run(scenario)
    message.refresh_from_db()
    assert message.hidden is (persona in MODERATORS_OF_A)


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type=JSON)


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_moderate_over_http(client, world, persona):
    proposal = make_proposal(world, State.DELIBERATING)
    message, _ = actions.say(world.resident_a, proposal.pk, body="吵架的话", client_id="m1")
    login(client, world.persona(persona))
    base = f"/api/v1/proposals/{proposal.pk}"
    answers = [
        _post(client, f"{base}/messages/{message.seq}/hide", {"reason": "不文明"}).status_code,
        _post(
            client, f"{base}/room/mute", {"user": world.resident_a.pk, "minutes": 10}
        ).status_code,
        _post(client, f"{base}/room/close", {}).status_code,
        _post(client, f"{base}/room/open", {}).status_code,
        client.get(f"{base}/room/log").status_code,
    ]
    if persona == "anonymous":
        assert answers == [401] * 5
    elif persona in MODERATORS_OF_A:
        assert answers == [200] * 5
        assert Mute.objects.filter(user=world.resident_a).exists()
    else:
        assert answers == [403, 403, 403, 403, 404]
        message.refresh_from_db()
        assert not message.hidden
        assert not Mute.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_report_over_http(client, world, persona):
    proposal = make_proposal(world, State.DELIBERATING)
    message, _ = actions.say(world.committee_a, proposal.pk, body="通知", client_id="m1")
    login(client, world.persona(persona))
    url = f"/api/v1/proposals/{proposal.pk}/messages/{message.seq}/report"
    status = _post(client, url, {"reason": "广告"}).status_code
    if persona == "anonymous":
        assert status == 401
    elif persona in SPEAKERS_OF_A:
        assert status == 200
        assert _post(client, url, {"reason": "再报一次"}).status_code == 200
        assert Report.objects.count() == 1
    else:
        assert status == 403
        assert not Report.objects.exists()
