"""Phone-sized screenshots of the home page, a 法治 article and the Q&A page (/tmp/shots/)."""

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

SHOTS = Path("/tmp/shots")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_content_pages_on_a_phone(live_server: Any, phone_page: Any) -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    SHOTS.mkdir(exist_ok=True)
    base = live_server.url
    for name, path in [
        ("cms-home", "/"),
        ("cms-fazhi-article", "/fazhi/renmin-tiaojie/"),
        ("cms-qa", "/fazhi/falv-wenda/"),
    ]:
        response = phone_page.goto(base + path)
        assert response.status == 200, path
        if name == "cms-qa":
            phone_page.locator("details.qa summary").first.click()
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} overflows horizontally ({width}px)"
        phone_page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    # The FAQ answers open with the keyboard too.
    phone_page.keyboard.press("Tab")
    assert phone_page.locator("details.qa[open]").count() == 1
