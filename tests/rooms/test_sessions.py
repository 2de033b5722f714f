"""协商会: scheduled by the committee, opened and closed by the beat task, minutes published."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from core.errors import ActionError
from core.models import AuditEntry
from proposals.models import State
from rooms import actions
from rooms import jobs as tasks
from rooms.models import Session, SessionState
from tests.proposals.conftest import login, make_proposal

pytestmark = pytest.mark.django_db


def _schedule(world, proposal, *, starts_in=10, minutes=60):
    starts = timezone.now() + timedelta(minutes=starts_in)
    return actions.schedule_session(
        world.committee_a,
        proposal.pk,
        title="停车问题协商会",
        agenda=["听取居民意见", "讨论方案", ""],
        starts_at=starts,
        ends_at=starts + timedelta(minutes=minutes),
    )


def test_the_committee_schedules_a_session_through_the_page(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    login(client, world.committee_a)
    start = timezone.localtime() + timedelta(days=1)
    response = client.post(
        f"/proposals/{proposal.pk}/room/sessions/new/",
        {
            "title": "路灯协商会",
            "agenda": "一、情况介绍\n二、讨论\n",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.agenda == ["一、情况介绍", "二、讨论"]
    room_page = client.get(f"/proposals/{proposal.pk}/room/").content.decode()
    assert "路灯协商会" in room_page and "二、讨论" in room_page


@pytest.mark.parametrize("persona", ["resident_a", "committee_b", "outsider"])
def test_only_the_committee_may_schedule(client, world, persona):
    proposal = make_proposal(world, State.DELIBERATING)
    login(client, world.persona(persona))
    assert client.get(f"/proposals/{proposal.pk}/room/sessions/new/").status_code == 404


def test_a_session_must_end_after_it_starts(world):
    proposal = make_proposal(world, State.DELIBERATING)
    with pytest.raises(ActionError):
        _schedule(world, proposal, minutes=-5)
    assert not Session.objects.exists()


def test_the_beat_task_opens_and_closes_sessions_once(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    session = _schedule(world, proposal)
    assert tasks.tick_sessions() == {"started": [], "ended": []}
    with time_machine.travel(timezone.now() + timedelta(minutes=15), tick=False):
        assert tasks.tick_sessions() == {"started": [session.pk], "ended": []}
        assert tasks.tick_sessions() == {"started": [], "ended": []}  # idempotent
        page = client.get(proposal.get_absolute_url()).content.decode()
        assert "进行中" in page
        actions.say(world.resident_a, proposal.pk, body="我建议划线停车", client_id="s1")
    with time_machine.travel(timezone.now() + timedelta(minutes=80), tick=False):
        assert tasks.tick_sessions() == {"started": [], "ended": [session.pk]}
        assert tasks.tick_sessions() == {"started": [], "ended": []}
    session.refresh_from_db()
    assert session.state == SessionState.ENDED
    assert "王秀英：我建议划线停车" in session.minutes  # prefilled from the transcript
    assert "1. 听取居民意见" in session.minutes
    verbs = list(
        AuditEntry.objects.filter(verb__startswith="room.session").values_list("verb", flat=True)
    )
    assert sorted(verbs) == ["room.session_ended", "room.session_scheduled", "room.session_started"]


def test_a_session_missed_entirely_still_ends(world):
    proposal = make_proposal(world, State.DELIBERATING)
    session = _schedule(world, proposal, starts_in=1, minutes=2)
    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        assert tasks.tick_sessions() == {"started": [], "ended": [session.pk]}


def test_minutes_are_edited_and_published_on_the_proposal_page(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    session = _schedule(world, proposal, starts_in=1, minutes=2)
    login(client, world.committee_a)
    url = f"/proposals/{proposal.pk}/room/sessions/{session.pk}/minutes/"
    before = client.post(url, {"minutes": "太早", "publish": "1"})
    assert before.status_code == 200 and "协商会结束后才能撰写纪要" in before.content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        tasks.tick_sessions()
    form = client.get(url).content.decode()
    assert "停车问题协商会" in form and "议程" in form
    response = client.post(url, {"minutes": "会议决定：<b>划线</b>停车。", "publish": "1"})
    assert response.status_code == 302
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "会议决定：&lt;b&gt;划线&lt;/b&gt;停车。" in page
    login(client, world.resident_a)
    assert client.get(url).status_code == 404
