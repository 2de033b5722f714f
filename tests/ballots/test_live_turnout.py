"""Turnout is live: a resident watching the ballot page sees a neighbour's vote counted
without reloading (a `turnout` frame over the proposal's websocket, docs/websocket.md)."""

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PHONE_VIEWPORT
from tests.rooms.live import PYTHON, ROOT, new_site

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")

OPEN_BALLOT = """
import json, django
django.setup()
from accounts.models import User
from datetime import timedelta
from django.utils import timezone
from ballots.actions import create_ballot
committee = User.objects.get(pk={committee})
ballot = create_ballot(
    committee, {proposal}, question="村口划停车位，同意吗？",
    closes_at=timezone.now() + timedelta(days=7),
)
print(json.dumps({{"ballot": ballot.pk}}))
"""


@pytest.fixture
def site(tmp_path: Path, live_template: Any) -> Any:
    site = new_site(live_template, tmp_path)
    site.seed()
    code = OPEN_BALLOT.format(
        committee=site.data["users"]["committee"]["id"], proposal=site.data["proposal"]
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=site.env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    site.data.update(json.loads(out.stdout.strip().splitlines()[-1]))
    site.start()
    yield site
    site.stop()


def _page(chromium: Any, base: str, session: str) -> tuple[Any, Any]:
    context = chromium.new_context(viewport=PHONE_VIEWPORT, locale="zh-CN", device_scale_factor=2)
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def test_a_watching_resident_sees_a_neighbours_vote_counted_live(chromium: Any, site: Any) -> None:
    base = f"http://127.0.0.1:{site.ports[0]}"
    url = f"{base}/ballots/{site.data['ballot']}/"
    users = site.data["users"]
    watcher_context, watcher = _page(chromium, base, users["resident"]["session"])
    voter_context, voter = _page(chromium, base, users["resident2"]["session"])
    try:
        watcher.goto(url)
        assert watcher.inner_text(".turnout [data-voted]") == "0"
        watcher.wait_for_timeout(500)  # let the socket connect

        voter.goto(url)
        voter.check("#vote-form input[name=choice] >> nth=0")
        voter.click("#vote-button")
        voter.wait_for_load_state()

        watcher.wait_for_function(
            "document.querySelector('.turnout [data-voted]').textContent === '1'"
        )
        assert watcher.locator(".turnout progress").get_attribute("value") == "1"
        SHOTS.mkdir(exist_ok=True)
        watcher.screenshot(path=str(SHOTS / "ballots-live-turnout.png"))
    finally:
        watcher_context.close()
        voter_context.close()
