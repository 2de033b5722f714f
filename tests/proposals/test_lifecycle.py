"""No sequence of actions, by anyone, reaches an illegal state (hypothesis).

Random people take random actions on a few proposals; after every step the
invariants hold: each state change follows an edge of the transition table, the
support count equals the supports, nobody ineligible has a support, terminal
states never change, and every change is in the audit log.
"""

import contextlib

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.permissions import may_participate
from core import ratelimit
from core.audit import entries_for
from core.errors import ActionError
from proposals import actions
from proposals.lifecycle import TERMINAL, TRANSITIONS, transition
from proposals.models import Proposal, State, Support
from tests.proposals.conftest import category

PEOPLE = [
    "resident_a",
    "resident_a2",
    "resident_b",
    "committee_a",
    "committee_b",
    "staff",
    "outsider",
    "admin",
    None,
]
OPS = [
    "create",
    "create_draft",
    "submit",
    "withdraw",
    "support",
    "unsupport",
    "accept",
    "reject",
    "merge",
    "follow",
    *[f"to:{state}" for state in State.values],
    "system:reviewing",
]

steps = st.lists(
    st.tuples(st.sampled_from(OPS), st.sampled_from(PEOPLE), st.integers(0, 3), st.integers(0, 3)),
    min_size=1,
    max_size=25,
)


class Rollback(Exception):
    pass


def _apply(world, op, person, index, other, proposals):
    user = world.persona(person) if person else None
    pick = proposals[index % len(proposals)].pk if proposals else 0
    into = proposals[other % len(proposals)].pk if proposals else 0
    region = world.village_b if person == "resident_b" else world.village_a
    calls = {
        "create": lambda: proposals.append(
            actions.create_proposal(
                user,
                title="议题",
                body="内容",
                category=category().pk,
                region=region.pk,
                submit=True,
            )
        ),
        "create_draft": lambda: proposals.append(
            actions.create_proposal(
                user, title="草稿", body="内容", category=category().pk, region=region.pk
            )
        ),
        "submit": lambda: actions.submit_proposal(user, pick),
        "withdraw": lambda: actions.withdraw_proposal(user, pick),
        "support": lambda: actions.support_proposal(user, pick),
        "unsupport": lambda: actions.unsupport_proposal(user, pick),
        "accept": lambda: actions.accept_proposal(user, pick),
        "reject": lambda: actions.reject_proposal(user, pick, reason="理由"),
        "merge": lambda: actions.merge_proposal(user, pick, into=into),
        "follow": lambda: actions.follow_proposal(user, pick),
        "system:reviewing": lambda: transition(
            Proposal.objects.get(pk=pick), State.REVIEWING, None, system=True
        ),
    }
    if op.startswith("to:"):
        target = State(op[3:])
        call = lambda: transition(Proposal.objects.get(pk=pick), target, user, reason="理由")  # noqa: E731
    else:
        call = calls[op]
    with contextlib.suppress(ActionError, Proposal.DoesNotExist):
        call()


def _check(world, before):
    for proposal in Proposal.objects.select_related("region"):
        old = before.get(proposal.pk)
        if old is not None and old != proposal.state:
            assert (State(old), State(proposal.state)) in TRANSITIONS
            assert old not in TERMINAL
        supports = list(Support.objects.filter(proposal=proposal).select_related("user"))
        assert proposal.support_count == len(supports)
        for support in supports:
            assert support.user_id != proposal.author_id
            assert may_participate(support.user, proposal.region)
        if proposal.state == State.MERGED:
            assert proposal.merged_into and proposal.merged_into.region_id == proposal.region_id
        if proposal.state not in {State.DRAFT, State.WITHDRAWN}:  # a withdrawn draft stays private
            assert proposal.submitted_at is not None
        verbs = [entry.verb for entry in entries_for(proposal)]
        if proposal.state not in {State.DRAFT}:
            assert f"proposal.{proposal.state}" in verbs
        for entry in entries_for(proposal).filter(verb="proposal.rejected"):
            assert entry.reason


@pytest.mark.django_db
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=steps)
def test_no_sequence_of_actions_reaches_an_illegal_state(world, steps):
    try:
        with transaction.atomic(), ratelimit.suspended():
            proposals: list[Proposal] = []
            for op, person, index, other in steps:
                before = dict(Proposal.objects.values_list("pk", "state"))
                _apply(world, op, person, index, other, proposals)
                _check(world, before)
            raise Rollback
    except Rollback:
        pass


@pytest.mark.django_db
def test_a_merge_without_a_target_is_impossible(world):
    from tests.proposals.conftest import make_proposal

    proposal = make_proposal(world, State.REVIEWING)
    with pytest.raises(ActionError):
        transition(proposal, State.MERGED, world.committee_a)
    proposal.refresh_from_db()
    assert proposal.state == State.REVIEWING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("source", "target"),
    [(s, t) for s in State for t in State if (s, t) not in TRANSITIONS],
)
def test_every_edge_outside_the_table_is_refused(world, source, target):
    proposal = Proposal.objects.create(
        title="议题",
        body="内容",
        category=category(),
        region=world.village_a,
        author=world.resident_a,
        state=source,
    )
    with pytest.raises(ActionError):
        transition(proposal, target, world.admin, reason="理由")
    with pytest.raises(ActionError):
        transition(proposal, target, None, reason="理由", system=True)
    proposal.refresh_from_db()
    assert proposal.state == source
