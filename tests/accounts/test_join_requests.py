"""Residents ask to join a village; its committee (or staff above) decides — through the pages."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Membership, MembershipStatus, Role
from core import sms
from core.models import AuditEntry
from tests.conftest import World


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def ask_to_join(client: Client, region_id: int, note: str = "") -> Any:
    return client.post(reverse("accounts:join"), {"region": region_id, "note": note})


def decide(client: Client, membership: Membership, decision: str, reason: str = "") -> Any:
    url = reverse("accounts:decide", args=[membership.pk])
    return client.post(url, {"decision": decision, "reason": reason}, follow=True)


@pytest.fixture
def request_a(world: World) -> Membership:
    ask_to_join(client_for(world.outsider), world.village_a.pk, note="三组12号")
    return Membership.objects.get(user=world.outsider)


def test_a_resident_asks_and_the_committee_approves(
    world: World, request_a: Membership, django_capture_on_commit_callbacks: Any
) -> None:
    assert request_a.status == MembershipStatus.PENDING
    assert request_a.role == Role.RESIDENT

    queue = client_for(world.committee_a).get(reverse("accounts:requests"))
    assert world.outsider.display_name in queue.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client_for(world.committee_a), request_a, "approve")
    assert response.status_code == 200
    request_a.refresh_from_db()
    assert request_a.status == MembershipStatus.APPROVED
    assert request_a.decided_by == world.committee_a

    mine = client_for(world.outsider).get(reverse("accounts:me")).content.decode()
    assert "村A" in mine and "已通过" in mine
    assert AuditEntry.objects.filter(verb="membership.approved", target_id=request_a.pk).exists()
    assert sms.outbox[-1][0] == world.outsider.phone
    assert "村A" in sms.outbox[-1][1]


def test_staff_of_the_township_above_may_decide(
    world: World, request_a: Membership, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        decide(client_for(world.staff), request_a, "reject", reason="查无此户")
    request_a.refresh_from_db()
    assert request_a.status == MembershipStatus.REJECTED
    mine = client_for(world.outsider).get(reverse("accounts:me")).content.decode()
    assert "查无此户" in mine
    assert "查无此户" in sms.outbox[-1][1]


def test_a_rejection_needs_a_reason(world: World, request_a: Membership) -> None:
    response = decide(client_for(world.committee_a), request_a, "reject", reason="  ")
    assert "请说明拒绝的理由" in response.content.decode()
    request_a.refresh_from_db()
    assert request_a.status == MembershipStatus.PENDING
    assert not sms.outbox


@pytest.mark.parametrize("persona", ["committee_b", "resident_a", "editor", "dept", "outsider"])
def test_people_without_reach_cannot_decide_and_learn_nothing(
    world: World, request_a: Membership, persona: str
) -> None:
    response = decide(client_for(world.persona(persona)), request_a, "approve")
    assert "该申请不存在" in response.content.decode()
    request_a.refresh_from_db()
    assert request_a.status == MembershipStatus.PENDING


def test_a_decided_request_cannot_be_decided_again(world: World, request_a: Membership) -> None:
    decide(client_for(world.committee_a), request_a, "approve")
    response = decide(client_for(world.staff), request_a, "reject", reason="改主意")
    assert "该申请已处理" in response.content.decode()
    request_a.refresh_from_db()
    assert request_a.status == MembershipStatus.APPROVED


def test_a_missing_request_answers_like_a_forbidden_one(world: World) -> None:
    url = reverse("accounts:decide", args=[999999])
    response = client_for(world.committee_a).post(url, {"decision": "approve"}, follow=True)
    assert "该申请不存在" in response.content.decode()


def test_joining_twice_is_refused(world: World, request_a: Membership) -> None:
    response = ask_to_join(client_for(world.outsider), world.village_a.pk)
    assert response.status_code == 400
    assert "您已申请加入该地" in response.content.decode()
    assert Membership.objects.filter(user=world.outsider).count() == 1


def test_an_approved_resident_cannot_ask_again(world: World) -> None:
    response = ask_to_join(client_for(world.resident_a), world.village_a.pk)
    assert response.status_code == 400
    assert Membership.objects.filter(user=world.resident_a).count() == 1


@pytest.mark.parametrize("place", ["city", "district", "township"])
def test_only_villages_and_communities_can_be_joined(world: World, place: str) -> None:
    response = ask_to_join(client_for(world.outsider), world.regions[place].pk)
    assert response.status_code == 400
    assert not Membership.objects.filter(user=world.outsider).exists()


@pytest.mark.parametrize("region", ["", "abc", "999999"])
def test_unknown_places_get_a_clear_message(world: World, region: str) -> None:
    response = client_for(world.outsider).post(reverse("accounts:join"), {"region": region})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_an_overlong_note_is_refused(world: World) -> None:
    response = ask_to_join(client_for(world.outsider), world.village_a.pk, note="长" * 201)
    assert response.status_code == 400
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_a_rejected_person_may_ask_again(world: World, request_a: Membership) -> None:
    decide(client_for(world.committee_a), request_a, "reject", reason="信息不全")
    ask_to_join(client_for(world.outsider), world.village_a.pk, note="补充：三组12号户主")
    assert Membership.objects.filter(user=world.outsider, status="pending").count() == 1


def test_the_queue_shows_only_requests_within_reach(world: World, request_a: Membership) -> None:
    page = client_for(world.committee_b).get(reverse("accounts:requests")).content.decode()
    assert world.outsider.display_name not in page
    assert "没有待审核的申请" in page


def test_anonymous_visitors_are_sent_to_log_in(world: World) -> None:
    response = Client().get(reverse("accounts:join"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_forms_require_csrf(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.outsider)
    response = client.post(reverse("accounts:join"), {"region": world.village_a.pk})
    assert response.status_code == 403
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_nobody_decides_their_own_request(world: World) -> None:
    # A committee member of 村A asks to become a resident there too.
    ask_to_join(client_for(world.committee_a), world.village_a.pk)
    own = Membership.objects.get(user=world.committee_a, role=Role.RESIDENT)
    response = decide(client_for(world.committee_a), own, "approve")
    assert "该申请不存在" in response.content.decode()
    own.refresh_from_db()
    assert own.status == MembershipStatus.PENDING
    decide(client_for(world.staff), own, "approve")  # someone else may
    own.refresh_from_db()
    assert own.status == MembershipStatus.APPROVED


def test_the_committee_is_told_of_a_new_request(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        ask_to_join(client_for(world.outsider), world.village_a.pk)
    assert sms.outbox == [(world.committee_a.phone, sms.outbox[0][1])]
    assert world.outsider.display_name in sms.outbox[0][1]


def test_an_overlong_reason_is_refused_with_its_own_message(
    world: World, request_a: Membership
) -> None:
    response = decide(client_for(world.committee_a), request_a, "reject", reason="长" * 201)
    assert "理由太长了" in response.content.decode()
    request_a.refresh_from_db()
    assert request_a.status == MembershipStatus.PENDING


def test_deciding_requires_csrf(world: World, request_a: Membership) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.committee_a)
    url = reverse("accounts:decide", args=[request_a.pk])
    assert client.post(url, {"decision": "approve"}).status_code == 403
    request_a.refresh_from_db()
    assert request_a.status == MembershipStatus.PENDING


def test_granting_a_role_approves_a_pending_request_instead_of_failing(
    world: World, request_a: Membership
) -> None:
    from accounts.actions import grant_membership

    granted = grant_membership(
        user=world.outsider, region=world.village_a, role=Role.RESIDENT, actor=world.admin
    )
    assert granted.pk == request_a.pk
    assert Membership.objects.get(pk=request_a.pk).status == MembershipStatus.APPROVED
    assert grant_membership(user=world.outsider, region=world.village_a, role=Role.RESIDENT).pk == (
        request_a.pk
    )
    assert Membership.objects.filter(user=world.outsider).count() == 1


def test_mine_links_to_my_matters_and_notifications(world: World) -> None:
    page = client_for(world.resident_a).get(reverse("accounts:me")).content.decode()
    for name in ["proposals:mine", "inbox:inbox", "inbox:preferences"]:
        assert f'href="{reverse(name)}"' in page
