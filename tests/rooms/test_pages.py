"""The room's pages work without JavaScript and escape resident text."""

import pytest

from core import ratelimit
from proposals.models import State
from rooms import actions
from tests.proposals.conftest import login, make_proposal

pytestmark = pytest.mark.django_db


def test_the_proposal_page_shows_the_room_and_links_to_it(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "议事厅" in page and "开放中" in page
    assert f'href="/proposals/{proposal.pk}/room/"' in page


def test_proposals_not_yet_deliberated_show_no_room(client, world):
    proposal = make_proposal(world, State.COLLECTING)
    assert "room-panel" not in client.get(proposal.get_absolute_url()).content.decode()


def test_the_transcript_is_server_rendered_and_escaped(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    actions.say(
        world.resident_a, proposal.pk, body='<script>alert("x")</script>\n第二行', client_id="x"
    )
    page = client.get(f"/proposals/{proposal.pk}/room/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>第二行" in page
    assert '<script>alert("x")' not in page
    assert 'id="room-config"' in page  # the live client's settings, as JSON, not HTML


def test_a_resident_speaks_and_a_moderator_hides_without_javascript(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    login(client, world.resident_a)
    response = client.post(
        f"/proposals/{proposal.pk}/room/say/", {"body": "不用脚本也能发言", "client_id": "nojs1"}
    )
    assert response.status_code == 302
    assert "不用脚本也能发言" in client.get(f"/proposals/{proposal.pk}/room/").content.decode()
    login(client, world.committee_a)
    client.post(f"/proposals/{proposal.pk}/room/messages/1/hide/", {"reason": "跑题"})
    page = client.get(f"/proposals/{proposal.pk}/room/").content.decode()
    assert "该发言已被隐藏" in page and "跑题" in page
    assert "不用脚本也能发言" not in page


def test_errors_on_the_page_are_shown_in_chinese(client, world):
    proposal = make_proposal(world, State.DELIBERATING)
    login(client, world.resident_b)
    response = client.post(
        f"/proposals/{proposal.pk}/room/say/", {"body": "隔壁村的", "client_id": "b1"}, follow=True
    )
    assert "只有本村（社区）的居民和村（居）委会可以在这里发言" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 200])
def test_the_room_page_runs_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    proposal = make_proposal(world, State.DELIBERATING)
    with ratelimit.suspended():
        for number in range(rows):
            actions.say(world.resident_a, proposal.pk, body=f"话{number}", client_id=f"p{number}")
    login(client, world.committee_a)
    with django_assert_max_num_queries(14):
        page = client.get(f"/proposals/{proposal.pk}/room/")
    assert page.status_code == 200
