"""Notifications: who hears what, on which channel, exactly once."""

import pytest
from django.core import mail

from accounts.actions import decide_membership, request_membership
from core import sms
from inbox.models import Delivery, Notification, Preference
from inbox.tasks import deliver_notification
from proposals import actions
from proposals.models import State
from tests.proposals.conftest import login, make_proposal


@pytest.fixture
def emails(world):
    for user in (world.resident_a, world.resident_a2, world.committee_a):
        user.email = f"{user.username}@example.cn"
        user.save(update_fields=["email"])


def test_followers_hear_when_a_proposal_changes_state(
    world, emails, django_capture_on_commit_callbacks
):
    proposal = make_proposal(world, State.REVIEWING)
    actions.follow_proposal(world.resident_a2, proposal.pk)
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept_proposal(world.committee_a, proposal.pk)
    follower = Notification.objects.get(user=world.resident_a2)
    assert follower.event == "proposal_state_changed" and proposal.title in follower.text
    assert follower.url == f"/proposals/{proposal.pk}/"
    assert any(world.resident_a2.email in m.to for m in mail.outbox)
    assert any(phone == world.resident_a2.phone for phone, _text in sms.outbox)


def test_the_author_hears_that_the_proposal_was_reviewed(world, django_capture_on_commit_callbacks):
    proposal = make_proposal(world, State.REVIEWING)
    with django_capture_on_commit_callbacks(execute=True):
        actions.reject_proposal(world.committee_a, proposal.pk, reason="不属于本村事务")
    notes = Notification.objects.filter(user=world.resident_a)
    assert [n.event for n in notes] == ["proposal_reviewed"]  # not twice as a follower
    assert not Notification.objects.filter(user=world.committee_a).exists()  # not the actor


def test_a_join_request_decision_is_notified(world, django_capture_on_commit_callbacks):
    membership = request_membership(world.outsider, world.village_a.pk)
    with django_capture_on_commit_callbacks(execute=True):
        decide_membership(world.committee_a, membership.pk, approve=True)
    assert Notification.objects.get(user=world.outsider).event == "membership_decided"
    assert sms.outbox[-1][0] == world.outsider.phone


def test_a_retried_task_sends_nothing_twice(world, emails):
    proposal = make_proposal(world)
    args = (
        "proposal_state_changed",
        world.resident_a2.pk,
        {"proposal_id": proposal.pk, "state": "reviewing", "source": "collecting"},
        "key-1",
    )
    assert deliver_notification.apply(args=args).get() is True
    assert deliver_notification.apply(args=args).get() is False
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1 and len(sms.outbox) == 1
    assert Delivery.objects.filter(key="key-1").count() == 2  # email + SMS ledger rows


def test_a_failed_send_can_be_retried(world, emails, monkeypatch):
    proposal = make_proposal(world)
    args = (
        "proposal_state_changed",
        world.resident_a2.pk,
        {"proposal_id": proposal.pk, "state": "reviewing"},
        "key-2",
    )

    def broken(phone, text):
        raise ConnectionError("SMS gateway down")

    monkeypatch.setattr("inbox.delivery.send_sms", broken)
    with pytest.raises(ConnectionError):
        deliver_notification.apply(args=args).get()
    monkeypatch.undo()
    deliver_notification.apply(args=args).get()
    assert len(sms.outbox) == 1 and len(mail.outbox) == 1


def test_channel_preferences_are_respected(client, world, emails):
    login(client, world.resident_a2).post("/notifications/settings/", {"in_app": "on"})
    assert Preference.objects.get(user=world.resident_a2).sms is False
    proposal = make_proposal(world)
    deliver_notification.apply(
        args=(
            "proposal_state_changed",
            world.resident_a2.pk,
            {"proposal_id": proposal.pk, "state": "reviewing"},
            "k3",
        )
    )
    assert Notification.objects.filter(user=world.resident_a2).count() == 1
    assert not mail.outbox and not sms.outbox


def test_the_unread_badge_counts_and_opening_marks_read(client, world):
    proposal = make_proposal(world)
    for key in ("a", "b"):
        Notification.objects.create(
            user=world.resident_a2,
            key=key,
            event="x",
            text="新消息",
            url=proposal.get_absolute_url(),
        )
    client = login(client, world.resident_a2)
    page = client.get("/proposals/").content.decode()
    assert '<span class="notice-count">2</span>' in page
    note = Notification.objects.first()
    response = client.post(f"/notifications/{note.pk}/open/")
    assert response.url == proposal.get_absolute_url()
    assert '<span class="notice-count">1</span>' in client.get("/proposals/").content.decode()
    client.post("/notifications/read-all/")
    assert "notice-count" not in client.get("/proposals/").content.decode()


def test_nobody_opens_another_persons_notification(client, world):
    note = Notification.objects.create(user=world.resident_a, key="z", event="x", text="私信")
    assert (
        login(client, world.resident_a2).post(f"/notifications/{note.pk}/open/").status_code == 404
    )
    assert "私信" not in client.get("/notifications/").content.decode()


def test_notification_texts_are_escaped_in_the_inbox(client, world):
    Notification.objects.create(user=world.resident_a, key="y", event="x", text="<b>粗</b>")
    page = login(client, world.resident_a).get("/notifications/").content.decode()
    assert "&lt;b&gt;粗&lt;/b&gt;" in page
