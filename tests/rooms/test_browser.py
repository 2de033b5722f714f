"""Two residents chat live in Chromium on phone-sized screens; the committee hides a message
and it disappears from the residents' screens without a reload."""

from pathlib import Path

import pytest

from tests.conftest import PHONE_VIEWPORT
from tests.rooms.live import new_site

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")


@pytest.fixture
def site(tmp_path, live_template):
    site = new_site(live_template, tmp_path)  # one process, in-memory channel layer
    site.seed()
    site.start()
    yield site
    site.stop()


def _page(chromium, base, session):
    context = chromium.new_context(viewport=PHONE_VIEWPORT, locale="zh-CN", device_scale_factor=2)
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def test_two_residents_chat_live_and_the_committee_hides_a_message(chromium, site):
    SHOTS.mkdir(exist_ok=True)
    base = f"http://127.0.0.1:{site.ports[0]}"
    room = f"{base}/proposals/{site.data['proposal']}/room/"
    users = site.data["users"]
    contexts = []
    try:
        ctx_a, wang = _page(chromium, base, users["resident"]["session"])
        ctx_b, li = _page(chromium, base, users["resident2"]["session"])
        ctx_c, chair = _page(chromium, base, users["committee"]["session"])
        contexts = [ctx_a, ctx_b, ctx_c]
        for page in (wang, li):
            page.goto(room)
            page.wait_for_selector("#conn-state.live")
        wang.fill("#id_body", "晚上车都停到村道上了，<b>消防车</b>进不来。")
        wang.click("#say-button")
        li.wait_for_selector("#m1 .msg-body")
        assert li.inner_text("#m1 .msg-body") == "晚上车都停到村道上了，<b>消防车</b>进不来。"
        assert li.locator("#m1 b").count() == 0  # text, never markup
        li.fill("#id_body", "同意，建议在村委会门口划一排车位。")
        li.click("#say-button")
        wang.wait_for_selector("#m2")
        assert "划一排车位" in wang.inner_text("#m2")
        wang.screenshot(path=str(SHOTS / "rooms-chat.png"))

        chair.goto(room)  # the transcript is on the page before any script runs
        chair.click("#m1 .msg-tools summary")
        chair.fill("#m1 .hide-form input[name=reason]", "请文明发言")
        chair.click("#m1 .hide-form button")
        chair.wait_for_load_state()
        assert "该发言已被隐藏" in chair.inner_text("#m1")
        li.wait_for_selector("#m1.hidden")
        assert "请文明发言" in li.inner_text("#m1")
        assert "消防车" not in li.inner_text("#transcript")
        li.screenshot(path=str(SHOTS / "rooms-hidden.png"))
        chair.screenshot(path=str(SHOTS / "rooms-committee.png"), full_page=True)
    finally:
        for context in contexts:
            context.close()
