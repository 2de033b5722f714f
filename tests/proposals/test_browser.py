"""In Chromium, on a phone: a resident raises a matter, two neighbours co-sign, the committee
accepts it."""

from pathlib import Path

import pytest

from accounts.models import Role
from proposals.models import Category, Proposal, State, VillageSettings
from tests.factories import PASSWORD, MembershipFactory, UserFactory

SHOTS = Path("/tmp/shots")


def login_in_browser(page, base_url, phone, password):
    """Like tests.conftest.login_in_browser, but clicks the login form's own button
    (the first submit button on the page is the top bar's language switch)."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", phone)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_proposal_goes_from_resident_to_committee(live_server, world, phone_page):
    Category.objects.get_or_create(name="公共设施", defaults={"position": 0})
    VillageSettings.objects.create(region=world.village_a, support_threshold=2)
    third = UserFactory(display_name="赵大妈")
    MembershipFactory(user=third, region=world.village_a, role=Role.RESIDENT)
    page, base = phone_page, live_server.url
    SHOTS.mkdir(exist_ok=True)

    login_in_browser(page, base, world.resident_a.phone, PASSWORD)
    page.goto(f"{base}/proposals/new/")
    page.fill("input[name=title]", "村口路灯坏了一个多月")
    page.fill(
        "textarea[name=body]", "晚上一片漆黑，老人出门不便。\n照片见 https://example.cn/light"
    )
    page.select_option("select[name=category]", label="公共设施")
    page.select_option("select[name=region]", label="村A")
    page.click("#publish-button")
    page.wait_for_selector("text=已发布")
    proposal = Proposal.objects.get()
    assert proposal.state == State.COLLECTING

    for neighbour in (world.resident_a2, third):
        page.context.clear_cookies()
        login_in_browser(page, base, neighbour.phone, PASSWORD)
        page.goto(f"{base}/proposals/{proposal.pk}/")
        if neighbour == third:
            page.screenshot(path=str(SHOTS / "proposal-detail-collecting.png"), full_page=True)
        page.click("#support-button")
        page.wait_for_selector("text=您的附议已记录")
    proposal.refresh_from_db()
    assert proposal.support_count == 2 and proposal.state == State.REVIEWING

    page.context.clear_cookies()
    login_in_browser(page, base, world.committee_a.phone, PASSWORD)
    page.goto(f"{base}/proposals/{proposal.pk}/")
    page.select_option("select[name=decision]", "accept")
    page.fill("textarea[name=reason]", "符合村务范围，进入议事厅协商。")
    page.click("text=提交审核结果")
    page.wait_for_selector("text=审核结果已记录")
    proposal.refresh_from_db()
    assert proposal.state == State.DELIBERATING
    assert page.locator(".timeline li").count() == 4
    page.screenshot(path=str(SHOTS / "proposal-detail.png"), full_page=True)

    page.goto(f"{base}/proposals/")
    assert page.locator(".proposal-item").count() == 1
    page.screenshot(path=str(SHOTS / "proposal-list.png"), full_page=True)
