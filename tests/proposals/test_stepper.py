"""The matter page shows where it stands: 提出 → 附议 → 审核 → 协商 → 表决 → 公示 → 落实 → 评议,
with who handles it now and by when."""

import re

import pytest
from django.utils import timezone

from core import ratelimit
from proposals import actions
from proposals.models import State
from tests.ballots.conftest import make_ballot, make_outcome
from tests.proposals.conftest import login, make_proposal

pytestmark = pytest.mark.django_db

LABELS = ["提出", "附议", "审核", "协商", "表决", "公示", "落实", "评议"]


def stepper(client, proposal, user=None) -> tuple[list[tuple[str, str]], str]:
    html = login(client, user).get(proposal.get_absolute_url()).content.decode()
    steps = re.findall(r'<li class="step (\w+)".*?<span class="step-label">(.+?)</span>', html)
    now = re.search(r'<p class="stepper-now">(.*?)</p>', html, re.S)
    return [(label, status) for status, label in steps], (now.group(1) if now else "")


@pytest.mark.parametrize(
    ("state", "current", "who"),
    [
        (State.COLLECTING, "附议", "村A村民"),
        (State.REVIEWING, "审核", "村（居）委会"),
        (State.DELIBERATING, "协商", "村（居）委会"),
    ],
)
def test_the_current_step_and_who_handles_it(client, world, state, current, who):
    steps, now = stepper(client, make_proposal(world, state))
    assert [label for label, _ in steps] == LABELS
    index = LABELS.index(current)
    assert [status for _, status in steps] == ["done"] * index + ["current"] + ["todo"] * (
        7 - index
    )
    assert f"现在由：{who}" in now


def test_a_vote_shows_when_it_closes(client, world):
    with ratelimit.suspended():
        ballot = make_ballot(world)
    steps, now = stepper(client, ballot.proposal)
    assert dict(steps)["表决"] == "current"
    closes = timezone.localtime(ballot.closes_at).strftime("%Y-%m-%d %H:%M")
    assert "村A村民投票" in now and f"办理时限：{closes}" in now


def test_implementation_shows_who_is_responsible_and_the_deadline(client, world):
    outcome = make_outcome(world, "implementing")
    steps, now = stepper(client, outcome.proposal)
    assert dict(steps)["落实"] == "current" and dict(steps)["公示"] == "done"
    assert "村委会 陈主任" in now and outcome.deadline.strftime("%Y-%m-%d") in now


def test_a_published_outcome_shows_the_end_of_the_objection_period(client, world):
    outcome = make_outcome(world, "published")
    steps, now = stepper(client, outcome.proposal)
    assert dict(steps)["公示"] == "current"
    assert timezone.localtime(outcome.objections_until).strftime("%Y-%m-%d %H:%M") in now


def test_a_completed_matter_waits_for_residents_to_rate_it(client, world):
    outcome = make_outcome(world, "completed")
    steps, now = stepper(client, outcome.proposal)
    assert dict(steps)["评议"] == "current"
    assert "评议结果" in now


def test_a_rejected_matter_stops_at_review(client, world):
    proposal = make_proposal(world, State.REVIEWING)
    actions.reject_proposal(world.committee_a, proposal.pk, reason="不属于村务范围。")
    steps, now = stepper(client, proposal)
    assert dict(steps)["审核"] == "stopped" and dict(steps)["协商"] == "todo"
    assert "已在这一步结束" in now


def test_a_withdrawn_draft_stops_at_the_first_step(client, world):
    proposal = make_proposal(world, State.DRAFT)
    actions.withdraw_proposal(world.resident_a, proposal.pk)
    steps, _now = stepper(client, proposal, world.resident_a)
    assert dict(steps)["提出"] == "stopped"
