"""seed_demo adds the ballot and outcome examples of 幸福村, once, through the actions."""

from django.core.management import call_command

from ballots.models import Ballot, BallotState, RollEntry
from core.models import AuditEntry
from outcomes.models import Outcome
from proposals.models import Proposal, State


def test_seed_demo_creates_the_four_examples_idempotently(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    states = dict(Proposal.objects.filter(region__name="幸福村").values_list("title", "state"))
    assert states["村东头小广场加装健身器材"] == State.VOTING
    assert states["垃圾分类投放点调整到村委会北侧"] == State.DECIDED
    assert states["幸福河沿岸加装护栏"] == State.IMPLEMENTING
    assert states["村口路灯维修"] == State.COMPLETED
    assert Ballot.objects.count() == 4 and Outcome.objects.count() == 3
    open_ballot = Ballot.objects.get(state=BallotState.OPEN)
    roll = RollEntry.objects.filter(ballot=open_ballot)
    assert {"resident1", "resident2"} <= set(roll.values_list("user__username", flat=True))
    assert not roll.exclude(channel="").exists()
    decided = Outcome.objects.get(proposal__state=State.DECIDED)
    assert decided.in_publicity_period() and not decided.is_final
    assert AuditEntry.objects.filter(verb="ballot.closed").count() == 3
    assert all(b.passed for b in Ballot.objects.filter(state=BallotState.CLOSED))
    done = Proposal.objects.get(title="村口路灯维修")
    assert AuditEntry.objects.filter(verb="proposal.completed", target_id=done.pk).count() == 1
