"""Beat opens, closes and tallies ballots on time; closing twice changes nothing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ballots import actions
from ballots import jobs as tasks
from ballots.models import Ballot, BallotState
from core.errors import Conflict
from core.models import AuditEntry
from outcomes import actions as outcome_actions
from outcomes import jobs as outcome_tasks
from outcomes.models import Outcome
from proposals.models import State
from tests.ballots.conftest import make_ballot, make_outcome, option_ids

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 3, 1, 9, 0, tzinfo=SHANGHAI)


def test_a_scheduled_ballot_opens_on_time_with_the_roll_of_that_moment(world):
    from tests.factories import MembershipFactory, UserFactory

    with time_machine.travel(START, tick=False) as clock:
        ballot = make_ballot(world, opens_at=START + timedelta(hours=1))
        early_joiner = UserFactory()
        MembershipFactory(user=early_joiner, region=world.village_a)
        clock.shift(timedelta(minutes=59, seconds=59))
        assert tasks.open_due_ballots() == 0
        clock.shift(timedelta(seconds=1))
        assert tasks.open_due_ballots() == 1
        assert tasks.open_due_ballots() == 0
        ballot.refresh_from_db()
        assert ballot.state == BallotState.OPEN and ballot.electorate_size == 3
        late_joiner = UserFactory()
        MembershipFactory(user=late_joiner, region=world.village_a)
        actions.cast_vote(early_joiner, ballot.pk, option_ids(ballot)[:1])
        with pytest.raises(Exception):  # noqa: B017 - not on the roll
            actions.cast_vote(late_joiner, ballot.pk, option_ids(ballot)[:1])
        ballot.proposal.refresh_from_db()
        assert ballot.proposal.state == State.VOTING


def test_the_close_boundary(world):
    with time_machine.travel(START, tick=False) as clock:
        ballot = make_ballot(world, days=7)
        close = ballot.closes_at
        yes = option_ids(ballot)[0]
        clock.move_to(close - timedelta(microseconds=1))
        actions.cast_vote(world.resident_a, ballot.pk, [yes])  # the last moment counts
        assert tasks.close_due_ballots() == 0
        clock.move_to(close)
        with pytest.raises(Conflict):  # closed by the clock, even before beat runs
            actions.cast_vote(world.resident_a2, ballot.pk, [yes])
        assert tasks.close_due_ballots() == 1
        ballot.refresh_from_db()
        assert ballot.state == BallotState.CLOSED and ballot.tallied_at == close
        assert ballot.result["cast"] == 1 and ballot.passed is True
        entries = AuditEntry.objects.count()
        snapshot = Ballot.objects.filter(pk=ballot.pk).values().get()
        clock.shift(timedelta(minutes=1))
        assert tasks.close_due_ballots() == 0  # closing twice changes nothing
        assert actions.close_ballot(ballot.pk) is not None
        assert Ballot.objects.filter(pk=ballot.pk).values().get() == snapshot
        assert AuditEntry.objects.count() == entries
        ballot.proposal.refresh_from_db()
        assert ballot.proposal.state == State.DECIDED


def test_an_outcome_becomes_final_after_its_period_once_all_objections_are_answered(world):
    with time_machine.travel(START, tick=False) as clock:
        outcome = make_outcome(world)
        assert outcome.objections_until == START + timedelta(days=7)
        objection = outcome_actions.lodge_objection(world.resident_a, outcome.pk, "有意见")
        clock.shift(timedelta(days=7))
        with pytest.raises(Conflict):
            outcome_actions.lodge_objection(world.resident_a2, outcome.pk, "晚了")
        assert outcome_tasks.finalize_due_outcomes() == 0  # an objection is unanswered
        with pytest.raises(Conflict):
            outcome_actions.start_implementation(world.committee_a, outcome.pk)
        outcome_actions.answer_objection(world.committee_a, objection.pk, "已答复")
        outcome.refresh_from_db()
        assert outcome.is_final
        assert outcome_tasks.finalize_due_outcomes() == 0
        outcome_actions.start_implementation(world.committee_a, outcome.pk)
        assert Outcome.objects.get().proposal.state == State.IMPLEMENTING


def test_beat_has_the_schedule(settings):
    from config.celery import _schedule_registered_jobs, app

    _schedule_registered_jobs(app)
    scheduled = {entry["args"][0] for entry in app.conf.beat_schedule.values()}
    assert {"ballots.open_due", "ballots.close_due", "outcomes.finalize_due"} <= scheduled
