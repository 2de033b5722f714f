"""A person's own notifications: list, open, mark all read, choose channels — over HTTP."""

from typing import Any

import pytest
from django.test import Client

from core.models import AuditEntry
from inbox.models import Notification, Preference
from tests.conftest import World


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def note(user: Any, n: int, url: str = "/proposals/") -> Notification:
    return Notification.objects.create(
        user=user, key=f"k{user.pk}-{n}", event="t", text=f"消息{n}", url=url
    )


def test_marking_all_read_touches_only_my_notifications(world: World) -> None:
    mine = [note(world.resident_a, n) for n in range(3)]
    theirs = note(world.resident_b, 9)
    response = client_for(world.resident_a).post("/notifications/read-all/")
    assert response.status_code == 302
    assert all(Notification.objects.get(pk=n.pk).read_at for n in mine)
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_opening_marks_read_and_goes_only_to_a_local_address(world: World) -> None:
    local = note(world.resident_a, 1, url="/proposals/7/")
    foreign = note(world.resident_a, 2, url="//evil.example/x")
    client = client_for(world.resident_a)
    assert client.post(f"/notifications/{local.pk}/open/")["Location"] == "/proposals/7/"
    assert Notification.objects.get(pk=local.pk).read_at is not None
    assert client.post(f"/notifications/{foreign.pk}/open/")["Location"] == "/notifications/"


def test_choosing_channels_is_saved_and_audited(world: World) -> None:
    response = client_for(world.resident_a).post("/notifications/settings/", {"in_app": "on"})
    assert response.status_code == 302
    preference = Preference.objects.get(user=world.resident_a)
    assert (preference.in_app, preference.email, preference.sms) == (True, False, False)
    assert AuditEntry.objects.filter(
        verb="notifications.preferences", actor=world.resident_a
    ).exists()


def test_the_settings_form_requires_csrf(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.resident_a)
    assert client.post("/notifications/settings/", {"in_app": "on"}).status_code == 403
    assert not Preference.objects.filter(user=world.resident_a).exists()


@pytest.mark.parametrize("rows", [1, 200])
def test_the_inbox_runs_a_fixed_number_of_queries(
    world: World, rows: int, django_assert_max_num_queries: Any
) -> None:
    for n in range(rows):
        note(world.resident_a, n)
    client = client_for(world.resident_a)
    with django_assert_max_num_queries(8):
        assert client.get("/notifications/").status_code == 200
