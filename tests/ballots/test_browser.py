"""Playwright in Chromium, phone-sized: a resident votes and sees the receipt; the committee
publishes the outcome; a resident rates it. Screenshots go to /tmp/shots/ballots-*.png."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from ballots.models import Paper
from outcomes import actions as outcome_actions
from outcomes.models import Evaluation, Outcome
from tests.ballots.conftest import close_now, make_ballot, option_ids
from tests.conftest import PHONE_VIEWPORT
from tests.factories import PASSWORD

SHOTS = Path("/tmp/shots")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url, user):
    """Through the real login form. (tests.conftest.login_in_browser clicks the first submit
    button of the page, which is the language switch in the top bar.)"""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", user.phone)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/accounts/login/" not in page.url


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"ballots-{name}.png"), full_page=True)


def test_a_resident_votes_the_committee_publishes_and_a_resident_rates(
    live_server, world, phone_page, chromium, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    ballot = make_ballot(world)
    url = live_server.url

    # A resident votes on a phone and sees the receipt.
    page = phone_page
    log_in(page, url, world.resident_a)
    page.goto(f"{url}/proposals/{ballot.proposal_id}/")
    page.locator(".ballot-panel").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "ballots-proposal-panel.png"))
    page.click(f"a[href='/ballots/{ballot.pk}/']")
    shot(page, "ballot")
    page.click("label.vote-option.role-yes")
    page.click("#vote-button")
    receipt = page.text_content("#receipt").strip()
    assert receipt == Paper.objects.get().receipt
    shot(page, "receipt")
    page.click("a[href*='receipts']")
    assert page.locator(".message.success").is_visible()

    # The vote closes; the committee publishes the outcome on its own phone.
    close_now(ballot)
    committee = chromium.new_context(
        viewport=PHONE_VIEWPORT, locale="zh-CN", device_scale_factor=2
    ).new_page()
    log_in(committee, url, world.committee_a)
    committee.goto(f"{url}/proposals/{ballot.proposal_id}/")
    committee.click(f"a[href='/proposals/{ballot.proposal_id}/outcome/new/']")
    committee.fill("textarea[name=decision]", "同意在村口安装两盏太阳能路灯，月底前完工。")
    committee.fill("input[name=responsible]", "村委会 陈主任")
    committee.fill("input[name=deadline]", (timezone.localdate() + timedelta(days=30)).isoformat())
    shot(committee, "outcome-form")
    committee.click("main form button[type=submit]")
    committee.wait_for_url("**/outcomes/*/")
    outcome = Outcome.objects.get()
    assert "太阳能路灯" in committee.text_content(".decision")
    shot(committee, "outcome")
    committee.goto(f"{url}/outcomes/{outcome.pk}/print/")
    assert committee.locator(".qr svg").count() == 1
    committee.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    shot(committee, "print")

    # The work is done; the resident rates it.
    Outcome.objects.filter(pk=outcome.pk).update(objections_until=timezone.now())
    outcome_actions.finalize_due_outcomes()
    outcome_actions.start_implementation(world.committee_a, outcome.pk)
    outcome_actions.add_progress(
        world.committee_a, outcome.pk, text="路灯已安装并通电。", percent=100
    )
    outcome_actions.complete(world.committee_a, outcome.pk)
    page.goto(f"{url}/outcomes/{outcome.pk}/")
    page.click("label.vote-option:has(input[value=satisfied])")
    page.fill("textarea[name=comment]", "晚上出门亮堂多了")
    page.locator("#rating").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "ballots-rate-form.png"))
    page.click("#rate-button")
    page.wait_for_selector(".message.success")
    assert Evaluation.objects.get().rating == "satisfied"
    assert page.text_content(".rating-summary").count("1") >= 1
    shot(page, "rated")
    committee.context.close()
    assert option_ids(ballot)
