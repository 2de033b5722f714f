"""Logging in by phone + password, by SMS code, by email + password; signing up by phone."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from core import sms
from tests.factories import PASSWORD, UserFactory


@pytest.fixture
def villager(db: None) -> User:
    return UserFactory(phone="+8613800000001", email="wang@example.com", display_name="王秀英")


def logged_in_user(client: Client) -> Any:
    return client.get(reverse("accounts:me")).context["user"]


@pytest.mark.parametrize("typed", ["13800000001", "+8613800000001", "138 0000 0001"])
def test_a_resident_logs_in_with_phone_and_password(villager: User, typed: str) -> None:
    client = Client()
    response = client.post(reverse("account_login"), {"login": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_user(client) == villager


def test_a_wrong_password_is_refused_in_chinese(villager: User) -> None:
    client = Client()
    response = client.post(reverse("account_login"), {"login": "13800000001", "password": "nope"})
    assert response.status_code == 200
    assert "不正确" in response.content.decode()
    assert client.get(reverse("accounts:me")).status_code == 302


def test_a_resident_logs_in_with_email_and_password(villager: User) -> None:
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": "wang@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert logged_in_user(client) == villager


def test_a_resident_logs_in_with_an_sms_code(villager: User) -> None:
    client = Client()
    response = client.post(reverse("account_request_login_code"), {"phone": "13800000001"})
    assert response.status_code == 302
    phone, text = sms.outbox[-1]
    assert phone == "+8613800000001"
    assert "验证码" in text
    match = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", text)
    assert match, text
    code = match.group(0)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert logged_in_user(client) == villager


def test_a_wrong_sms_code_does_not_log_in(villager: User) -> None:
    client = Client()
    client.post(reverse("account_request_login_code"), {"phone": "13800000001"})
    client.post(reverse("account_confirm_login_code"), {"code": "XXXXXX"})
    assert client.get(reverse("accounts:me")).status_code == 302


def test_an_unknown_number_learns_nothing_and_no_stranger_is_texted(db: None) -> None:
    client = Client()
    response = client.post(reverse("account_request_login_code"), {"phone": "13900000009"})
    assert response.status_code == 302  # the same answer as for a known number
    assert response["Location"] == reverse("account_confirm_login_code")
    assert sms.outbox == []


def signup(client: Client, phone: str, **extra: str) -> Any:
    data = {
        "phone": phone,
        "display_name": "赵大爷",
        "password1": "Qiuyue-2026!",
        "password2": "Qiuyue-2026!",
        **extra,
    }
    return client.post(reverse("account_signup"), data)


def test_signing_up_stores_the_phone_in_e164(db: None) -> None:
    client = Client()
    response = signup(client, "138 0000 0007")
    assert response.status_code == 302
    user = User.objects.get(phone="+8613800000007")
    assert user.display_name == "赵大爷"
    assert user.username  # derived; people never choose one


def test_signing_up_twice_with_one_number_creates_nothing_and_tells_the_owner(
    villager: User,
) -> None:
    signup(Client(), "13800000001")
    assert User.objects.filter(phone="+8613800000001").count() == 1
    assert User.objects.count() == 1
    assert sms.outbox[-1][0] == "+8613800000001"
    assert "已有账号" in sms.outbox[-1][1]


@pytest.mark.parametrize("phone", ["12345", "手机号", "", "+1 202"])
def test_signing_up_with_a_malformed_number_is_refused(db: None, phone: str) -> None:
    response = signup(Client(), phone)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "不正确" in response.content.decode()
    assert not User.objects.exists()


def test_repeated_failed_logins_are_rate_limited(villager: User) -> None:
    client = Client()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "13800000001", "password": "bad"})
    # Even the right password is refused while the limit holds.
    response = client.post(reverse("account_login"), {"login": "13800000001", "password": PASSWORD})
    assert "登录失败次数过多" in response.content.decode()
    assert client.get(reverse("accounts:me")).status_code == 302


def test_sms_code_requests_for_one_number_are_rate_limited(villager: User) -> None:
    # Fresh sessions each time, as a script hammering one number would use.
    for _ in range(3):
        Client().post(reverse("account_request_login_code"), {"phone": "13800000001"})
    sent = len(sms.outbox)
    assert sent == 3
    response = Client().post(reverse("account_request_login_code"), {"phone": "13800000001"})
    assert response.status_code == 200
    assert "次数过多" in response.content.decode()
    assert len(sms.outbox) == sent


def test_a_foreign_number_gets_no_code(db: None) -> None:
    response = Client().post(reverse("account_request_login_code"), {"phone": "+1 202 555 0123"})
    assert response.status_code == 200
    assert "中国大陆手机号" in response.content.decode()
    assert sms.outbox == []


def test_hitting_a_sign_up_limit_answers_429_and_saves_nothing(db: None) -> None:
    # One shared IP (a village office), several people signing up in a minute.
    responses = [signup(Client(), f"1380000002{n}") for n in range(6)]
    statuses = [response.status_code for response in responses]
    assert 429 in statuses
    assert 500 not in statuses
    first_refused = statuses.index(429)
    assert User.objects.count() == first_refused  # the refused sign-ups left nothing behind
    assert "请稍等一分钟再试" in responses[first_refused].content.decode()


def test_logging_in_again_right_after_sign_up_is_not_an_error(db: None) -> None:
    client = Client()
    signup(client, "13800000031")
    client.post(reverse("account_logout"))
    response = Client().post(
        reverse("account_login"), {"login": "13800000031", "password": "Qiuyue-2026!"}
    )
    assert response.status_code in {200, 302, 429}


def test_the_daily_sms_budget_per_number_holds(villager: User, settings: Any) -> None:
    settings.SMS_DAILY_LIMIT_PER_NUMBER = 2
    assert sms.send_sms("+8613800000001", "一") and sms.send_sms("+8613800000001", "二")
    assert not sms.send_sms("+8613800000001", "三")
    assert len(sms.outbox) == 2
