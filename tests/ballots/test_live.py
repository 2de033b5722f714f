"""Live turnout: each vote sends a turnout frame to the proposal's room group."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connections

from ballots import actions
from core.errors import Forbidden
from tests.ballots.conftest import option_ids


@pytest.mark.django_db(transaction=True)
def test_a_vote_pushes_turnout_but_never_a_tally(world, ballot_in, settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    ballot = ballot_in()

    def body():
        # In a thread of its own: browser tests leave an event loop in the main thread.
        layer = get_channel_layer()
        channel = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(f"proposal.{ballot.proposal_id}", channel)
        actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
        message = async_to_sync(layer.receive)(channel)
        connections.close_all()
        return message

    with ThreadPoolExecutor(1) as pool:
        message = pool.submit(body).result(timeout=30)
    assert message == {
        "type": "room.broadcast",
        "frame": {
            "type": "turnout",
            "ballot": ballot.pk,
            "voted": 1,
            "electorate": 2,
            "turnout": 50.0,
        },
    }


def test_nothing_is_pushed_when_the_vote_is_refused(
    world, ballot_in, django_capture_on_commit_callbacks
):
    ballot = ballot_in()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(Forbidden):
        actions.cast_vote(world.resident_b, ballot.pk, option_ids(ballot)[:1])
    assert callbacks == []
