"""On PostgreSQL: parallel votes by one voter and by many — exactly one row each, tally = rows."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from accounts.models import Membership, MembershipStatus, Role, User
from ballots import actions
from ballots.models import Ballot, Choice, Paper, RollEntry
from core import ratelimit
from core.errors import ActionError
from tests.ballots.conftest import close_now, make_ballot, option_ids

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


# The server is shared and allows ~100 connections: at most this many threads (and
# connections) at once; each takes its share of the calls after a common start.
WORKERS = 25


def run_parallel(calls):
    """Start all workers at once (a barrier); each runs its calls in its own connection."""
    workers = min(WORKERS, len(calls))
    barrier = threading.Barrier(workers)
    results = [None] * len(calls)

    def one(i):
        try:
            with ratelimit.suspended():
                calls[i]()
            results[i] = "ok"
        except ActionError as exc:
            results[i] = exc.status
        except Exception as exc:
            results[i] = repr(exc)

    def worker(w):
        try:
            barrier.wait()
            for i in range(w, len(calls), workers):
                one(i)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def add_residents(world, n):
    User.objects.bulk_create([User(username=f"voter{i}", phone=f"+86136{i:08d}") for i in range(n)])
    users = list(User.objects.filter(username__startswith="voter"))
    Membership.objects.bulk_create(
        [
            Membership(
                user=u, region=world.village_a, role=Role.RESIDENT, status=MembershipStatus.APPROVED
            )
            for u in users
        ]
    )
    return users


def test_one_voter_firing_50_votes_at_once_counts_once(world):
    ballot = make_ballot(world)
    yes = option_ids(ballot)[0]
    results = run_parallel([lambda: actions.cast_vote(world.resident_a, ballot.pk, [yes])] * 50)
    assert results.count("ok") == 1
    assert results.count(409) == 49
    assert Paper.objects.filter(ballot=ballot).count() == 1
    assert Choice.objects.filter(paper__ballot=ballot).count() == 1
    assert Ballot.objects.get(pk=ballot.pk).voted_count == 1


def test_200_voters_at_once_each_count_once_and_the_tally_equals_the_rows(world):
    voters = add_residents(world, 200)
    ballot = make_ballot(world)
    ids = option_ids(ballot)
    calls = [
        (lambda v=v, i=i: actions.cast_vote(v, ballot.pk, [ids[i % 3]]))
        for i, v in enumerate(voters)
    ]
    results = run_parallel(calls)
    assert results.count("ok") == 200, [r for r in results if r != "ok"][:5]
    assert Paper.objects.filter(ballot=ballot).count() == 200
    assert RollEntry.objects.filter(ballot=ballot, channel="online").count() == 200
    closed = close_now(ballot)
    assert closed.voted_count == 200 == closed.result["cast"]
    assert sum(o["total"] for o in closed.result["options"]) == 200
    assert [o["total"] for o in closed.result["options"]] == [67, 67, 66]


def test_closing_in_parallel_tallies_once(world):
    ballot = make_ballot(world)
    Ballot.objects.filter(pk=ballot.pk).update(
        opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(days=1)
    )
    results = run_parallel([lambda: actions.close_ballot(ballot.pk)] * 10)
    assert results == ["ok"] * 10
    from core.models import AuditEntry

    assert AuditEntry.objects.filter(verb="ballot.closed").count() == 1
    assert AuditEntry.objects.filter(verb="proposal.decided").count() == 1
