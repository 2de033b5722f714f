"""What a resident sees on a phone: the home and login pages, in real Chromium."""

from pathlib import Path
from typing import Any

import pytest

from cms.setup import ensure_home_page
from tests.conftest import login_in_browser
from tests.factories import PASSWORD, UserFactory

SHOTS = Path("/tmp/shots")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def screenshot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_home_page_is_readable_on_a_phone(live_server: Any, phone_page: Any) -> None:
    ensure_home_page()
    phone_page.goto(live_server.url + "/")
    screenshot(phone_page, "home")
    assert phone_page.title().startswith("首页")
    body_px = phone_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert body_px >= 16
    nav = phone_page.locator(".bottom-nav a")
    labels = [label.strip() for label in nav.all_inner_texts()]
    assert [label.split()[-1] for label in labels] == ["首页", "议题", "结果公示", "内容", "我的"]
    for index in range(nav.count()):
        box = nav.nth(index).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    # Nothing wider than the phone: no sideways scrolling.
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_resident_logs_in_on_a_phone(live_server: Any, phone_page: Any) -> None:
    ensure_home_page()
    UserFactory(phone="+8613800000001", display_name="王秀英")
    phone_page.goto(live_server.url + "/accounts/login/")
    screenshot(phone_page, "login")
    assert phone_page.locator("input[name=login]").bounding_box()["height"] >= 44
    login_in_browser(phone_page, live_server.url, "13800000001", PASSWORD)
    phone_page.goto(live_server.url + "/me/")
    assert "王秀英" in phone_page.content()
    screenshot(phone_page, "mine")
