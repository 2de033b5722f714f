"""Permission matrices: role × place (own village, sibling, township above) × state, per action.

Each cell says what the action answers: "ok", or the status of the refusal.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from ballots import actions
from ballots.models import BallotState
from core import ratelimit
from core.errors import ActionError
from outcomes import actions as outcome_actions
from outcomes.models import Evaluation, Objection
from proposals.models import State
from tests.ballots.conftest import close_now, make_ballot, make_outcome, option_ids
from tests.proposals.conftest import make_proposal

PERSONAS = [
    "anonymous",
    "outsider",
    "resident_a",
    "resident_b",
    "committee_a",
    "committee_b",
    "staff",
    "admin",
]


def answer(call):
    try:
        with ratelimit.suspended():
            call()
    except ActionError as exc:
        return exc.status
    return "ok"


def who(world, name):
    return AnonymousUser() if name == "anonymous" else world.persona(name)


MODERATORS = {"committee_a", "staff", "admin"}


def ballot_in_state(world, state):
    ballot = make_ballot(
        world,
        opens_at=timezone.now() + timedelta(hours=1) if state == BallotState.SCHEDULED else None,
    )
    if state == BallotState.CLOSED:
        close_now(ballot)
    if state == BallotState.CANCELLED:
        actions.cancel_ballot(world.committee_a, ballot.pk, reason="重来")
    ballot.refresh_from_db()
    return ballot


BALLOT_STATES = [BallotState.SCHEDULED, BallotState.OPEN, BallotState.CLOSED, BallotState.CANCELLED]


@pytest.mark.parametrize("state", BALLOT_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_vote_matrix(world, persona, state):
    ballot = ballot_in_state(world, state)
    got = answer(lambda: actions.cast_vote(who(world, persona), ballot.pk, option_ids(ballot)[:1]))
    if persona == "resident_a" and state == BallotState.OPEN:
        assert got == "ok"
    elif persona == "resident_a" or (persona not in {"anonymous"} and state != BallotState.OPEN):
        assert got == 409  # the state refuses before the roll is consulted
    else:
        assert got == 403


@pytest.mark.parametrize("state", BALLOT_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_paper_tally_matrix(world, persona, state, tiny_png):
    ballot = ballot_in_state(world, state)
    got = answer(
        lambda: actions.record_paper_tally(
            who(world, persona),
            ballot.pk,
            counts={option_ids(ballot)[0]: 1},
            voters=[world.resident_a2.pk],
            photo=tiny_png(),
        )
    )
    if persona not in MODERATORS:
        assert got == 403
    else:
        assert got == ("ok" if state == BallotState.OPEN else 409)


@pytest.mark.parametrize("state", BALLOT_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_cancel_matrix(world, persona, state):
    ballot = ballot_in_state(world, state)
    got = answer(lambda: actions.cancel_ballot(who(world, persona), ballot.pk, reason="理由"))
    if persona not in MODERATORS:
        assert got == 403
    else:
        assert got == ("ok" if state in {BallotState.SCHEDULED, BallotState.OPEN} else 409)


PROPOSAL_STATES = [
    State.COLLECTING,
    State.REVIEWING,
    State.DELIBERATING,
    State.VOTING,
    State.DECIDED,
    State.REJECTED,
]


@pytest.mark.parametrize("state", PROPOSAL_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_open_ballot_matrix(world, persona, state):
    with ratelimit.suspended():
        proposal = make_proposal(world, state)
    got = answer(
        lambda: actions.create_ballot(
            who(world, persona),
            proposal.pk,
            question="是否同意？",
            closes_at=timezone.now() + timedelta(days=1),
        )
    )
    if persona == "anonymous" or persona not in MODERATORS:
        assert got == 403
    else:
        assert got == ("ok" if state == State.DELIBERATING else 409)


@pytest.mark.parametrize(
    "state", [State.DELIBERATING, State.VOTING, State.DECIDED, State.REVIEWING]
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_publish_outcome_matrix(world, persona, state):
    with ratelimit.suspended():
        if state == State.DECIDED:
            ballot = make_ballot(world)
            close_now(ballot)
            proposal = ballot.proposal
        elif state == State.VOTING:
            proposal = make_ballot(world).proposal
        else:
            proposal = make_proposal(world, state)
    got = answer(
        lambda: outcome_actions.publish_outcome(
            who(world, persona),
            proposal.pk,
            decision="同意",
            responsible="村委会",
            deadline=timezone.localdate() + timedelta(days=5),
        )
    )
    if persona not in MODERATORS:
        assert got == 403
    else:
        assert got == ("ok" if state in {State.DELIBERATING, State.DECIDED} else 409)


OUTCOME_STATES = ["published", "final", "implementing", "completed"]


@pytest.mark.parametrize("state", OUTCOME_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_objection_matrix(world, persona, state):
    outcome = make_outcome(world, state)
    got = answer(lambda: outcome_actions.lodge_objection(who(world, persona), outcome.pk, "不同意"))
    if persona != "resident_a":
        assert got == 403
    else:
        assert got == ("ok" if state == "published" else 409)


@pytest.mark.parametrize("persona", PERSONAS)
def test_answer_matrix(world, persona):
    outcome = make_outcome(world)
    objection = outcome_actions.lodge_objection(world.resident_a, outcome.pk, "不同意")
    got = answer(
        lambda: outcome_actions.answer_objection(who(world, persona), objection.pk, "答复")
    )
    assert got == ("ok" if persona in MODERATORS else 403)
    if got == "ok":
        assert (
            answer(
                lambda: outcome_actions.answer_objection(who(world, persona), objection.pk, "再答")
            )
            == 409
        )
    assert Objection.objects.filter(answered_at__isnull=False).count() == (got == "ok")


@pytest.mark.parametrize("state", OUTCOME_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_implement_progress_complete_matrix(world, persona, state):
    outcome = make_outcome(world, state)
    user = who(world, persona)
    implement = answer(lambda: outcome_actions.start_implementation(user, outcome.pk))
    progress = answer(
        lambda: outcome_actions.add_progress(user, outcome.pk, text="进展", percent=30)
    )
    if persona not in MODERATORS:
        assert (implement, progress) == (403, 403)
        return
    assert implement == ("ok" if state == "final" else 409)
    assert progress == ("ok" if state in {"final", "implementing"} else 409)


@pytest.mark.parametrize("state", OUTCOME_STATES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_rating_matrix(world, persona, state):
    outcome = make_outcome(world, state)
    got = answer(
        lambda: outcome_actions.rate_outcome(who(world, persona), outcome.pk, rating="satisfied")
    )
    if persona != "resident_a":
        assert got == 403
    else:
        assert got == ("ok" if state == "completed" else 409)
    assert Evaluation.objects.count() == (got == "ok")


def test_a_failed_vote_is_not_implemented(world):
    outcome = make_outcome(world, "final", passed=False)
    assert (
        answer(lambda: outcome_actions.start_implementation(world.committee_a, outcome.pk)) == 409
    )


def test_an_outcome_without_a_vote(world):
    outcome = make_outcome(world, "completed", voted=False)
    assert outcome.ballot is None
    outcome.proposal.refresh_from_db()
    assert outcome.proposal.state == State.COMPLETED


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_may_read_ballots_and_outcomes_of_published_matters(client, world, persona):
    outcome = make_outcome(world)
    if persona != "anonymous":
        client.force_login(world.persona(persona))
    assert client.get(f"/api/v1/ballots/{outcome.ballot_id}").status_code == 200
    assert client.get(f"/api/v1/outcomes/{outcome.pk}").status_code == 200
    assert client.get(f"/ballots/{outcome.ballot_id}/").status_code == 200
    assert client.get(f"/outcomes/{outcome.pk}/").status_code == 200
