"""The room websocket through config.asgi.application: protocol, resume, errors, limits."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore

from accounts.models import Membership, MembershipStatus
from core import ratelimit
from rooms import actions
from rooms.consumers import CLOSE_FLOOD, CLOSE_TOO_BIG
from rooms.models import Message
from tests.rooms.conftest import db, ensure_categories, open_socket, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


def _seed(user, proposal, count):
    with ratelimit.suspended():
        for number in range(count):
            actions.say(user, proposal.pk, body=f"第{number + 1}条", client_id=f"seed-{number}")


def test_a_listener_gets_hello_with_the_latest_50_messages(world, deliberating):
    _seed(world.resident_a, deliberating, 60)

    async def scenario():
        connected, _code, socket = await open_socket(deliberating.pk)
        assert connected
        hello = socket.hello
        assert hello["type"] == "hello"
        assert hello["room"] | {} == hello["room"]
        assert {k: hello["room"][k] for k in ("id", "state", "can_speak")} == {
            "id": deliberating.pk,
            "state": "open",
            "can_speak": False,
        }
        assert [m["id"] for m in hello["history"]] == list(range(11, 61))
        assert set(hello["history"][0]) >= {"id", "author", "body", "created", "client_id"}
        assert hello["history"][0]["author"] == {"id": world.resident_a.pk, "name": "王秀英"}
        await socket.close()

    run(scenario)


def test_a_message_reaches_everyone_in_the_room_the_sender_included(world, deliberating):
    cookie = session_cookie(world.resident_a)

    async def scenario():
        _ok, _code, speaker = await open_socket(deliberating.pk, cookie)
        _ok, _code, listener = await open_socket(deliberating.pk)
        assert speaker.hello["room"]["can_speak"] is True
        await speaker.say("路灯的事<b>大家</b>怎么看？", "c1")
        for socket in (speaker, listener):
            frame = await socket.receive_type("message")
            message = frame["message"]
            assert message["id"] == 1
            assert (
                message["body"] == "路灯的事<b>大家</b>怎么看？"
            )  # plain text, escaped by clients
            assert message["client_id"] == "c1"
            assert message["author"]["name"] == "王秀英"
        await speaker.close()
        await listener.close()

    run(scenario)
    assert Message.objects.count() == 1


def test_ids_increase_and_a_reconnecting_client_loses_nothing(world, deliberating):
    cookie = session_cookie(world.resident_a2)

    async def scenario():
        _ok, _code, speaker = await open_socket(deliberating.pk, cookie)
        _ok, _code, reader = await open_socket(deliberating.pk)
        await speaker.say("一", "a1")
        seen = (await reader.receive_type("message"))["message"]["id"]
        await reader.close()  # the reader's phone loses its signal
        for number in range(2, 5):
            await speaker.say(str(number), f"a{number}")
            await speaker.receive_type("message")
        _ok, _code, back = await open_socket(deliberating.pk, after=seen)
        assert [m["id"] for m in back.hello["history"]] == [2, 3, 4]
        assert [m["body"] for m in back.hello["history"]] == ["2", "3", "4"]
        await speaker.close()
        await back.close()

    run(scenario)


def test_a_repeated_client_id_is_stored_once_and_answered_to_the_sender_only(world, deliberating):
    cookie = session_cookie(world.resident_a)

    async def scenario():
        _ok, _code, speaker = await open_socket(deliberating.pk, cookie)
        _ok, _code, listener = await open_socket(deliberating.pk)
        await speaker.say("只说一次", "same")
        first = (await speaker.receive_type("message"))["message"]
        await listener.receive_type("message")
        await speaker.say("只说一次", "same")  # the retry of a send whose answer was lost
        again = (await speaker.receive_type("message"))["message"]
        assert again["id"] == first["id"]
        assert await listener.nothing()
        await speaker.close()
        await listener.close()

    run(scenario)
    assert Message.objects.count() == 1


BAD_FRAMES = [
    ("not json", "invalid"),
    ("[1, 2]", "invalid"),
    ('"say"', "invalid"),
    ({"type": "dance"}, "invalid"),
    ({"body": "没有类型"}, "invalid"),
    ({"type": "say", "body": 42, "client_id": "x1"}, "invalid"),
    ({"type": "say", "body": "   ", "client_id": "x2"}, "invalid"),
    ({"type": "say", "body": "长" * 1001, "client_id": "x3"}, "too_long"),
    ({"type": "say", "body": "没有编号"}, "invalid"),
    ({"type": "say", "body": "编号不对", "client_id": "<script>"}, "invalid"),
    ({"type": "say", "body": "编号太长", "client_id": "x" * 65}, "invalid"),
    ({"type": "hide", "id": 1, "reason": "x"}, "forbidden"),
    ({"type": "mute", "user": 1, "minutes": 5}, "forbidden"),
    ({"type": "close"}, "forbidden"),
    ({"type": "report", "id": "abc"}, "not_found"),
]


@pytest.mark.parametrize(("frame", "code"), BAD_FRAMES)
def test_bad_frames_get_an_error_frame_and_the_socket_keeps_working(
    world, deliberating, frame, code
):
    cookie = session_cookie(world.resident_a)

    async def scenario():
        _ok, _code, socket = await open_socket(deliberating.pk, cookie)
        await socket.send(frame)
        error = await socket.receive()
        assert error["type"] == "error"
        assert error["code"] == code
        assert error["message"] and error["message"].isascii() is False  # in Chinese
        await socket.say("还能说话", "after-error")
        assert (await socket.receive_type("message"))["message"]["body"] == "还能说话"
        await socket.close()

    run(scenario)
    assert list(Message.objects.values_list("body", flat=True)) == ["还能说话"]


def test_a_frame_over_64_kb_closes_the_socket_with_1009(world, deliberating):
    cookie = session_cookie(world.resident_a)

    async def scenario():
        _ok, _code, socket = await open_socket(deliberating.pk, cookie)
        await socket.send({"type": "say", "body": "x" * 70000, "client_id": "big"})
        closed = await socket.communicator.receive_output(timeout=3)
        assert closed == {"type": "websocket.close", "code": CLOSE_TOO_BIG}

    run(scenario)
    assert not Message.objects.exists()


def test_a_flood_of_frames_closes_the_socket_with_4429(world, deliberating):
    async def scenario():
        _ok, _code, socket = await open_socket(deliberating.pk)
        for _ in range(40):
            await socket.send({"type": "ping"})
        while True:
            output = await socket.communicator.receive_output(timeout=3)
            if output["type"] == "websocket.close":
                assert output["code"] == CLOSE_FLOOD
                return

    run(scenario)


def test_the_rate_limit_answers_with_an_error_frame_not_a_disconnect(world, deliberating):
    cookie = session_cookie(world.resident_a)

    async def scenario():
        _ok, _code, socket = await open_socket(deliberating.pk, cookie)
        for number in range(5):
            await socket.say(f"第{number}条", f"r{number}")
            await socket.receive_type("message")
        await socket.say("第六条", "r6")
        error = await socket.receive()
        assert error["code"] == "rate_limited"
        await socket.send({"type": "ping"})
        assert (await socket.receive())["type"] == "pong"
        await socket.close()

    run(scenario)
    assert Message.objects.count() == 5


@pytest.mark.parametrize("origin", [b"http://evil.example", None, b"null"])
def test_a_foreign_or_missing_origin_is_refused_at_the_handshake(world, deliberating, origin):
    async def scenario():
        connected, _code, _socket = await open_socket(deliberating.pk, origin=origin)
        assert not connected

    run(scenario)


def test_a_missing_or_unpublished_proposal_refuses_the_handshake(world, deliberating):
    from tests.rooms.conftest import make_proposal

    ensure_categories()
    draft = make_proposal(world, "draft")
    cookie = session_cookie(world.resident_a2)

    async def scenario():
        for pk in (999999, draft.pk):
            connected, _code, _socket = await open_socket(pk, cookie)
            assert not connected

    run(scenario)


def test_a_user_logged_out_while_connected_can_no_longer_speak(world, deliberating):
    cookie = session_cookie(world.resident_a)
    key = cookie.decode().split("=", 1)[1]

    async def scenario():
        _ok, _code, socket = await open_socket(deliberating.pk, cookie)
        await db(SessionStore(key).delete)()  # logged out in another tab
        await socket.say("我还在吗", "gone")
        assert (await socket.receive())["code"] == "forbidden"
        await socket.close()

    run(scenario)
    assert not Message.objects.exists()


@pytest.mark.parametrize("how", ["revoked", "deactivated"])
def test_a_banned_user_can_no_longer_speak(world, deliberating, how):
    cookie = session_cookie(world.resident_a)

    def ban():
        if how == "revoked":
            Membership.objects.filter(user=world.resident_a).update(status=MembershipStatus.REVOKED)
        else:
            type(world.resident_a).objects.filter(pk=world.resident_a.pk).update(is_active=False)

    async def scenario():
        _ok, _code, socket = await open_socket(deliberating.pk, cookie)
        await db(ban)()
        await socket.say("封了还说", "banned")
        assert (await socket.receive())["code"] == "forbidden"
        await socket.close()

    run(scenario)
    assert not Message.objects.exists()


def test_presence_counts_every_socket_and_drops_leavers(world, deliberating):
    async def scenario():
        _ok, _code, first = await open_socket(deliberating.pk)
        _ok, _code, second = await open_socket(deliberating.pk)
        counts = []
        while not counts or counts[-1] != 2:
            counts.append((await first.receive_type("presence"))["count"])
        await second.close()
        while counts[-1] != 1:
            counts.append((await first.receive_type("presence"))["count"])
        await first.close()

    run(scenario)


def test_the_session_store_is_the_database_one():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
