"""Moderation reaches every client live, is audited, and shows in the moderators' log."""

import pytest

from core import ratelimit
from core.models import AuditEntry
from rooms import actions
from rooms.models import Message
from tests.proposals.conftest import login
from tests.rooms.conftest import open_socket, run, session_cookie


@pytest.mark.django_db(transaction=True)
def test_hiding_mute_and_closing_reach_everyone_live(world, deliberating):
    committee, resident = session_cookie(world.committee_a), session_cookie(world.resident_a)

    async def scenario():
        _ok, _code, chair = await open_socket(deliberating.pk, committee)
        _ok, _code, speaker = await open_socket(deliberating.pk, resident)
        _ok, _code, listener = await open_socket(deliberating.pk)
        await speaker.say("骂人的话", "bad")
        said = (await listener.receive_type("message"))["message"]
        await chair.send({"type": "hide", "id": said["id"], "reason": "人身攻击"})
        assert await listener.receive_type("hidden") == {
            "type": "hidden",
            "id": said["id"],
            "reason": "人身攻击",
        }
        await chair.send({"type": "mute", "user": world.resident_a.pk, "minutes": 10})
        assert (await chair.receive_type("ok"))["of"] == "mute"
        await speaker.say("我再说", "again")
        assert (await speaker.receive_type("error"))["code"] == "muted"
        await chair.send({"type": "close"})
        assert await listener.receive_type("room") == {"type": "room", "state": "closed"}
        await chair.send({"type": "open"})
        assert await listener.receive_type("room") == {"type": "room", "state": "open"}
        _ok, _code, late = await open_socket(deliberating.pk)
        assert late.hello["history"][0]["hidden"] is True
        assert late.hello["history"][0]["body"] == ""
        assert late.hello["history"][0]["reason"] == "人身攻击"
        for socket in (chair, speaker, listener, late):
            await socket.close()

    run(scenario)
    verbs = set(AuditEntry.objects.values_list("verb", flat=True))
    assert {"room.message_hidden", "room.user_muted", "room.closed", "room.opened"} <= verbs
    assert Message.objects.count() == 1


@pytest.mark.django_db
def test_hiding_needs_a_reason_and_changes_nothing_without_one(client, world):
    from tests.proposals.conftest import make_proposal

    proposal = make_proposal(world, "deliberating")
    message, _ = actions.say(world.resident_a, proposal.pk, body="话", client_id="m")
    login(client, world.committee_a)
    response = client.post(
        f"/api/v1/proposals/{proposal.pk}/messages/{message.seq}/hide",
        {"reason": "  "},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"reason": ["请填写理由。"]}
    message.refresh_from_db()
    assert not message.hidden
    missing = client.post(
        f"/api/v1/proposals/{proposal.pk}/messages/999/hide",
        {"reason": "x"},
        content_type="application/json",
    )
    assert missing.status_code == 404


@pytest.mark.django_db
def test_a_mute_needs_sane_minutes(client, world):
    from tests.proposals.conftest import make_proposal

    proposal = make_proposal(world, "deliberating")
    login(client, world.committee_a)
    for minutes in (0, 1441, -5):
        response = client.post(
            f"/api/v1/proposals/{proposal.pk}/room/mute",
            {"user": world.resident_a.pk, "minutes": minutes},
            content_type="application/json",
        )
        assert response.status_code == 422


def _log_rows(world, proposal, count):
    with ratelimit.suspended():
        for number in range(count):
            message, _ = actions.say(
                world.resident_a, proposal.pk, body=f"话{number}", client_id=f"l{number}"
            )
            actions.hide_message(
                world.committee_a, proposal.pk, message.seq, reason=f"理由{number}"
            )
            actions.report_message(world.resident_a2, proposal.pk, message.seq, reason="举报")


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 200])
def test_the_moderation_log_page_runs_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    from tests.proposals.conftest import make_proposal

    proposal = make_proposal(world, "deliberating")
    _log_rows(world, proposal, rows)
    login(client, world.committee_a)
    with django_assert_max_num_queries(14):
        page = client.get(f"/proposals/{proposal.pk}/room/log/")
    assert page.status_code == 200
    assert "隐藏了一条发言" in page.content.decode()
    with django_assert_max_num_queries(10):
        api = client.get(f"/api/v1/proposals/{proposal.pk}/room/log")
    assert api.json()["count"] == rows * 2  # hidden + reported; speaking is not moderation


@pytest.mark.django_db
def test_residents_cannot_see_the_moderation_log(client, world):
    from tests.proposals.conftest import make_proposal

    proposal = make_proposal(world, "deliberating")
    login(client, world.resident_a)
    assert client.get(f"/proposals/{proposal.pk}/room/log/").status_code == 404
