"""Demo ballots and outcomes in 幸福村 (村A), made through the real actions. Idempotent.

voting        an open secret ballot, closing in 7 days; resident1/resident2 have not voted
decided       a closed vote whose outcome is in its 公示期 (with an objection)
implementing  a final outcome with progress updates
completed     done, open for residents' ratings
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import Region, User
from ballots import actions
from ballots.models import Ballot, Kind
from core import ratelimit
from demo.accounts import VILLAGE_A
from outcomes import actions as outcome_actions
from outcomes.models import Outcome
from proposals import actions as proposal_actions
from proposals.lifecycle import transition
from proposals.models import Category, Proposal, State

MATTERS = {
    "voting": (
        "村东头小广场加装健身器材",
        "老人们希望在村东头小广场装几件健身器材，方便早晚锻炼。村委会已和大家商量过位置和费用，现交村民表决。",
    ),
    "decided": (
        "垃圾分类投放点调整到村委会北侧",
        "原投放点紧挨住户，夏天气味大。经议事厅讨论，建议搬到村委会北侧空地，请村民表决。",
    ),
    "implementing": (
        "幸福河沿岸加装护栏",
        "幸福河沿岸小路没有护栏，孩子放学经过很危险，建议加装约300米护栏。",
    ),
    "completed": (
        "村口路灯维修",
        "村口到312国道一段五盏路灯坏了两年，晚上出行不安全，请尽快维修。",
    ),
}


def seed_ballots(regions: dict[str, Region]) -> None:
    village = regions[VILLAGE_A]
    people = {
        u.username: u
        for u in User.objects.filter(username__in=["resident1", "resident2", "committee1"])
    }
    if len(people) < 3:
        return
    steps: dict[str, Callable[[Proposal, dict[str, User]], None]] = {
        "voting": _voting,
        "decided": _decided,
        "implementing": _implementing,
        "completed": _completed,
    }
    with ratelimit.suspended():
        for key, (title, body) in MATTERS.items():
            if Proposal.objects.filter(region=village, title=title).exists():
                continue
            proposal = _deliberating(title, body, village, people)
            steps[key](proposal, people)


def _deliberating(title: str, body: str, village: Region, people: dict[str, User]) -> Proposal:
    category = Category.objects.filter(name="公共设施").first() or Category.objects.first()
    assert category is not None
    proposal = proposal_actions.create_proposal(
        people["resident1"],
        title=title,
        body=body,
        category=category.pk,
        region=village.pk,
        submit=True,
    )
    transition(proposal, State.REVIEWING, None, system=True)
    return proposal_actions.accept_proposal(people["committee1"], proposal.pk)


def _open(proposal: Proposal, people: dict[str, User], **kwargs: Any) -> Ballot:
    kwargs.setdefault("question", f"是否同意“{proposal.title}”？")
    return actions.create_ballot(
        people["committee1"], proposal.pk, closes_at=timezone.now() + timedelta(days=7), **kwargs
    )


def _voting(proposal: Proposal, people: dict[str, User]) -> None:
    _open(proposal, people)


def _voted_and_closed(proposal: Proposal, people: dict[str, User], **kwargs: Any) -> Ballot:
    """Everyone on the roll votes: all for the first option but one, who takes the second."""
    ballot = _open(proposal, people, **kwargs)
    first, second = list(ballot.options.values_list("pk", flat=True))[:2]
    voters = list(User.objects.filter(ballot_roll__ballot=ballot).order_by("pk"))
    for i, voter in enumerate(voters):
        choice = second if i == len(voters) - 1 and len(voters) > 2 else first
        actions.cast_vote(voter, ballot.pk, [choice])
    # Demo history: the vote ran last week. Then close it through the real action.
    now = timezone.now()
    Ballot.objects.filter(pk=ballot.pk).update(
        opens_at=now - timedelta(days=10), closes_at=now - timedelta(days=3)
    )
    return actions.close_ballot(ballot.pk)


def _publish(proposal: Proposal, people: dict[str, User], decision: str, who: str) -> Outcome:
    return outcome_actions.publish_outcome(
        people["committee1"],
        proposal.pk,
        decision=decision,
        responsible=who,
        deadline=timezone.localdate() + timedelta(days=45),
    )


def _decided(proposal: Proposal, people: dict[str, User]) -> None:
    _voted_and_closed(
        proposal,
        people,
        question="垃圾分类投放点搬到哪里？",
        kind=Kind.SINGLE,
        options=["村委会北侧空地", "停车场西南角"],
        secret=False,
    )
    outcome = _publish(
        proposal, people, "投放点搬到村委会北侧空地，配备洗手池和遮雨棚。", "村委会 陈主任"
    )
    outcome_actions.lodge_objection(
        people["resident2"], outcome.pk, "北侧空地离三组太远，老人拎垃圾不方便。"
    )


def _final(proposal: Proposal, people: dict[str, User], decision: str, who: str) -> Outcome:
    _voted_and_closed(proposal, people)
    outcome = _publish(proposal, people, decision, who)
    # Demo history: the 公示期 ended without objections.
    Outcome.objects.filter(pk=outcome.pk).update(
        published_at=timezone.now() - timedelta(days=20),
        objections_until=timezone.now() - timedelta(days=13),
    )
    outcome.refresh_from_db()
    outcome_actions.finalize_if_due(outcome)
    outcome_actions.start_implementation(people["committee1"], outcome.pk)
    return outcome


def _implementing(proposal: Proposal, people: dict[str, User]) -> None:
    outcome = _final(proposal, people, "沿河小路加装不锈钢护栏约300米，年底前完工。", "区住建局")
    outcome_actions.add_progress(
        people["committee1"], outcome.pk, text="已完成测量和施工方案，材料已订购。", percent=20
    )
    outcome_actions.add_progress(
        people["committee1"], outcome.pk, text="护栏已安装约150米。", percent=55
    )


def _completed(proposal: Proposal, people: dict[str, User]) -> None:
    outcome = _final(proposal, people, "更换五盏路灯为LED灯，由村电工负责。", "村电工 张师傅")
    outcome_actions.add_progress(
        people["committee1"], outcome.pk, text="五盏路灯已全部更换并通电。", percent=100
    )
    outcome_actions.complete(people["committee1"], outcome.pk)
