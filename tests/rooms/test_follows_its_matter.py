"""When a matter leaves deliberation (a vote opens) or returns to it, everyone listening
in its room is told that the room closed or opened."""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connections

from proposals.lifecycle import transition
from proposals.models import State


def listen_while(proposal_id: int, act: Any) -> dict:
    def body() -> dict:
        # In a thread of its own: browser tests may leave an event loop in the main thread.
        layer = get_channel_layer()
        channel = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(f"proposal.{proposal_id}", channel)
        act()
        message = async_to_sync(layer.receive)(channel)
        connections.close_all()
        return message

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(body).result(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_the_room_announces_it_closed_when_a_vote_opens_and_reopens_after(
    world: Any, deliberating: Any, settings: Any
) -> None:
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

    def to(state: State) -> Any:
        return lambda: transition(deliberating, state, world.committee_a)

    closed = listen_while(deliberating.pk, to(State.VOTING))
    assert closed == {"type": "room.broadcast", "frame": {"type": "room", "state": "closed"}}
    reopened = listen_while(deliberating.pk, to(State.DELIBERATING))
    assert reopened == {"type": "room.broadcast", "frame": {"type": "room", "state": "open"}}
