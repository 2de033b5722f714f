"""Casting votes: one per voter, the roll snapshot, bad input refused with nothing stored."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ballots import actions
from ballots.models import Ballot, BallotState, Channel, Choice, Kind, Paper, RollEntry
from core.errors import ActionError, Conflict, Forbidden, NotFound
from core.models import AuditEntry
from proposals.models import State
from tests.ballots.conftest import close_now, option_ids
from tests.factories import MembershipFactory, UserFactory


def stored(ballot):
    return (
        Paper.objects.filter(ballot=ballot).count(),
        Choice.objects.filter(paper__ballot=ballot).count(),
        RollEntry.objects.filter(ballot=ballot).exclude(channel="").count(),
        Ballot.objects.get(pk=ballot.pk).voted_count,
    )


def test_opening_snapshots_the_roll_and_moves_the_matter_to_voting(world, ballot_in):
    ballot = ballot_in()
    assert ballot.state == BallotState.OPEN
    assert ballot.proposal.state == State.VOTING
    roll = set(RollEntry.objects.filter(ballot=ballot).values_list("user_id", flat=True))
    assert roll == {world.resident_a.pk, world.resident_a2.pk}
    assert ballot.electorate_size == 2
    assert AuditEntry.objects.filter(verb="ballot.opened").exists()


def test_a_resident_votes_once_and_gets_a_receipt(world, ballot_in):
    ballot = ballot_in()
    yes = option_ids(ballot)[0]
    paper = actions.cast_vote(world.resident_a, ballot.pk, [yes])
    assert len(paper.receipt) == 14
    assert stored(ballot) == (1, 1, 1, 1)
    with pytest.raises(Conflict):
        actions.cast_vote(world.resident_a, ballot.pk, [option_ids(ballot)[1]])
    assert stored(ballot) == (1, 1, 1, 1)


def test_a_later_joiner_is_not_on_the_roll(world, ballot_in):
    ballot = ballot_in()
    newcomer = UserFactory()
    MembershipFactory(user=newcomer, region=world.village_a)
    with pytest.raises(Forbidden):
        actions.cast_vote(newcomer, ballot.pk, option_ids(ballot)[:1])
    assert stored(ballot) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("resident_b", Forbidden),
        ("committee_a", Forbidden),
        ("staff", Forbidden),
        ("outsider", Forbidden),
    ],
)
def test_people_off_the_roll_cannot_vote(world, ballot_in, who, error):
    ballot = ballot_in()
    with pytest.raises(error):
        actions.cast_vote(world.persona(who), ballot.pk, option_ids(ballot)[:1])
    assert stored(ballot) == (0, 0, 0, 0)


def test_anonymous_and_unknown_ballots_are_refused(world, ballot_in):
    ballot = ballot_in()
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Forbidden):
        actions.cast_vote(AnonymousUser(), ballot.pk, option_ids(ballot)[:1])
    with pytest.raises(NotFound):
        actions.cast_vote(world.resident_a, 999999, [1])
    with pytest.raises(NotFound):
        actions.cast_vote(world.resident_a, "abc", [1])


@pytest.mark.parametrize(
    ("kind", "choose"),
    [
        (Kind.YES_NO, lambda ids: []),
        (Kind.YES_NO, lambda ids: ids[:2]),
        (Kind.YES_NO, lambda ids: [999999]),
        (Kind.YES_NO, lambda ids: ["x"]),
        (Kind.YES_NO, lambda ids: "1"),
        (Kind.SINGLE, lambda ids: ids[:2]),
        (Kind.MULTIPLE, lambda ids: []),
        (Kind.MULTIPLE, lambda ids: ids[:3]),  # at most 2
        (Kind.MULTIPLE, lambda ids: [ids[0], ids[0]]),
    ],
)
def test_bad_choices_are_refused_with_nothing_stored(world, ballot_in, kind, choose):
    ballot = ballot_in(kind=kind)
    with pytest.raises(ActionError) as caught:
        actions.cast_vote(world.resident_a, ballot.pk, choose(option_ids(ballot)))
    assert caught.value.status == 422 and caught.value.field == "choices"
    assert stored(ballot) == (0, 0, 0, 0)


def test_an_option_of_another_ballot_is_unknown(world, ballot_in):
    ballot = ballot_in()
    other = ballot_in()
    with pytest.raises(ActionError):
        actions.cast_vote(world.resident_a, ballot.pk, option_ids(other)[:1])


def test_multiple_choice_takes_up_to_k(world, ballot_in):
    ballot = ballot_in(kind=Kind.MULTIPLE)
    actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:2])
    assert stored(ballot) == (1, 2, 1, 1)


def test_voting_before_open_and_after_close_is_refused(world, ballot_in):
    ballot = ballot_in()
    Ballot.objects.filter(pk=ballot.pk).update(
        closes_at=timezone.now() - timedelta(seconds=1), opens_at=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(Conflict):  # past closing time, beat not yet run
        actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    actions.close_ballot(ballot.pk)
    with pytest.raises(Conflict):
        actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    assert stored(ballot)[:3] == (0, 0, 0)


def test_a_scheduled_ballot_cannot_be_voted_in(world, ballot_in):
    ballot = ballot_in(opens_at=timezone.now() + timedelta(hours=1))
    assert ballot.state == BallotState.SCHEDULED
    assert ballot.proposal.state == State.DELIBERATING
    with pytest.raises(Conflict):
        actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])


def test_closing_tallies_and_decides_and_twice_changes_nothing(world, ballot_in):
    ballot = ballot_in()
    yes, _no, _ = option_ids(ballot)
    actions.cast_vote(world.resident_a, ballot.pk, [yes])
    actions.cast_vote(world.resident_a2, ballot.pk, [yes])
    closed = close_now(ballot)
    assert (closed.state, closed.quorum_met, closed.passed) == (BallotState.CLOSED, True, True)
    assert closed.result["cast"] == 2 and closed.result["options"][0]["total"] == 2
    closed.proposal.refresh_from_db()
    assert closed.proposal.state == State.DECIDED
    entries = AuditEntry.objects.count()
    again = actions.close_ballot(ballot.pk)
    assert again.result == closed.result and again.tallied_at == closed.tallied_at
    assert AuditEntry.objects.count() == entries


def test_an_open_ballot_keeps_the_voter_on_the_paper(world, ballot_in):
    ballot = ballot_in(secret=False)
    paper = actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    assert paper.voter == world.resident_a


def test_cancelling_returns_the_matter_to_deliberation(world, ballot_in):
    ballot = ballot_in()
    with pytest.raises(ActionError):
        actions.cancel_ballot(world.committee_a, ballot.pk, reason="")
    with pytest.raises(Forbidden):
        actions.cancel_ballot(world.committee_b, ballot.pk, reason="重新讨论")
    actions.cancel_ballot(world.committee_a, ballot.pk, reason="方案需要修改")
    ballot.proposal.refresh_from_db()
    assert ballot.proposal.state == State.DELIBERATING
    again = ballot_in(proposal=ballot.proposal)  # a new vote may follow
    assert again.state == BallotState.OPEN


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("question", {"question": ""}),
        ("question", {"question": "问" * 201}),
        ("kind", {"kind": "lottery"}),
        ("options", {"kind": Kind.SINGLE, "options": ["只有一个"]}),
        ("options", {"kind": Kind.SINGLE, "options": ["同", "同"]}),
        ("options", {"kind": Kind.SINGLE, "options": ["长" * 61, "短"]}),
        ("max_choices", {"kind": Kind.MULTIPLE, "options": ["a", "b"], "max_choices": 3}),
        ("closes_at", {"closes_at": None}),
        ("closes_at", {"closes_at": "past"}),
        ("opens_at", {"opens_at": "long ago"}),
        ("quorum", {"quorum_percent": 101}),
        ("pass_rule", {"pass_rule": "coin"}),
    ],
)
def test_creating_a_ballot_validates_its_fields(world, proposal_in, field, kwargs):
    proposal = proposal_in(State.DELIBERATING)
    now = timezone.now()
    values = {"question": "是否同意？", "closes_at": now + timedelta(days=1)}
    special = {"past": now - timedelta(hours=1), "long ago": now - timedelta(days=1)}
    values.update({k: special.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()})
    with pytest.raises(ActionError) as caught:
        actions.create_ballot(world.committee_a, proposal.pk, **values)
    assert caught.value.field == field
    assert not Ballot.objects.exists()


def test_the_village_defaults_apply_unless_overridden(world, proposal_in, ballot_in):
    actions.set_ballot_defaults(
        world.committee_a, world.village_a.pk, quorum_percent=66, pass_rule="two_thirds"
    )
    ballot = ballot_in()
    assert (ballot.quorum_percent, ballot.pass_rule) == (66, "two_thirds")
    other = ballot_in(quorum_percent=10, pass_rule="electorate")
    assert (other.quorum_percent, other.pass_rule) == (10, "electorate")


@pytest.mark.parametrize(
    ("who", "place", "ok"),
    [
        ("committee_a", "village_a", True),
        ("staff", "village_a", True),
        ("committee_b", "village_a", False),
        ("resident_a", "village_a", False),
        ("committee_a", "township", False),
        ("admin", "village_b", True),
    ],
)
def test_defaults_matrix(world, who, place, ok):
    call = lambda: actions.set_ballot_defaults(  # noqa: E731
        world.persona(who), world.regions[place].pk, quorum_percent=40, pass_rule="simple"
    )
    if ok:
        assert call().quorum_percent == 40
    else:
        with pytest.raises(NotFound):
            call()


def test_voted_on_paper_means_no_online_vote(world, ballot_in, tiny_png):
    ballot = ballot_in()
    yes, no, abstain = option_ids(ballot)
    actions.record_paper_tally(
        world.committee_a,
        ballot.pk,
        counts={yes: 1, no: 0, abstain: 0},
        voters=[world.resident_a.pk],
        photo=tiny_png(),
        note="3月5日村民会议",
    )
    assert RollEntry.objects.get(ballot=ballot, user=world.resident_a).channel == Channel.PAPER
    with pytest.raises(Conflict):
        actions.cast_vote(world.resident_a, ballot.pk, [no])
    actions.cast_vote(world.resident_a2, ballot.pk, [no])
    with pytest.raises(Conflict):  # and an online voter cannot be counted on paper
        actions.record_paper_tally(
            world.committee_a,
            ballot.pk,
            counts={yes: 1},
            voters=[world.resident_a2.pk],
            photo=tiny_png(),
        )
    closed = close_now(ballot)
    assert closed.result["paper"] == 1 and closed.result["online"] == 1
    totals = {o["id"]: (o["online"], o["paper"]) for o in closed.result["options"]}
    assert totals[yes] == (0, 1) and totals[no] == (1, 0)
    assert closed.passed is False  # 1 of 2 is not more than half


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("photo", {"photo": None}),
        ("photo", {"photo": "text"}),
        ("voters", {"voters": []}),
        ("counts", {"counts": "sum"}),
        ("counts", {"counts": "unknown"}),
        ("counts", {"counts": "negative"}),
        ("note", {"note": "长" * 501}),
    ],
)
def test_paper_tallies_are_validated(world, ballot_in, tiny_png, field, change):
    from django.core.files.uploadedfile import SimpleUploadedFile

    ballot = ballot_in()
    yes, no, _abstain = option_ids(ballot)
    counts = {"sum": {yes: 2}, "unknown": {999999: 1}, "negative": {yes: 2, no: -1}}
    args = {"counts": {yes: 1}, "voters": [world.resident_a.pk], "photo": tiny_png(), "note": ""}
    for key, value in change.items():
        if key == "counts":
            value = counts[value]
        if value == "text":
            value = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
        args[key] = value
    with pytest.raises(ActionError) as caught:
        actions.record_paper_tally(world.committee_a, ballot.pk, **args)
    assert caught.value.field == field
    assert stored(ballot) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("who", "ok"),
    [("committee_a", True), ("staff", True), ("committee_b", False), ("resident_a", False)],
)
def test_paper_tally_matrix(world, ballot_in, tiny_png, who, ok):
    ballot = ballot_in()
    call = lambda: actions.record_paper_tally(  # noqa: E731
        world.persona(who),
        ballot.pk,
        counts={option_ids(ballot)[0]: 1},
        voters=[world.resident_a2.pk],
        photo=tiny_png(),
    )
    if ok:
        assert call().voters == 1
    else:
        with pytest.raises(Forbidden):
            call()
