"""seed_demo gives 村A a deliberating matter with an open room, a transcript and a session."""

import pytest
from django.core.management import call_command

from rooms.models import Message, Room, Session

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_room_with_a_transcript_and_a_session_and_runs_twice(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    room = Room.objects.select_related("proposal__region").get()
    assert room.proposal.region.name == "幸福村"
    assert room.proposal.state == "deliberating" and not room.closed
    assert Message.objects.filter(room=room).count() == 6
    assert Session.objects.filter(room=room, state="scheduled").count() == 1
