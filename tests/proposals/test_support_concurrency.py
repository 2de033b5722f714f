"""Parallel supports on PostgreSQL: the row lock and the unique constraint keep the count exact."""

import threading

import pytest
from django.db import connection

from accounts.models import Role
from core.errors import ActionError
from proposals import actions
from proposals.models import Proposal, State, Support
from tests.factories import MembershipFactory, UserFactory
from tests.proposals.conftest import make_proposal

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def _run_in_threads(calls):
    """Start every call at once; each thread uses (and closes) its own connection."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(call):
        from django.db import connections

        try:
            barrier.wait()
            call()
            result = "ok"
        except ActionError as exc:
            result = exc.code
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _residents(world, count):
    users = []
    for _ in range(count):
        user = UserFactory()
        MembershipFactory(user=user, region=world.village_a, role=Role.RESIDENT)
        users.append(user)
    return users


def test_thirty_residents_support_at_once_and_all_are_counted(world, settings):
    proposal = make_proposal(world)
    from proposals.models import VillageSettings

    VillageSettings.objects.create(region=world.village_a, support_threshold=100)
    residents = _residents(world, 30)
    outcomes = _run_in_threads(
        [lambda u=u: actions.support_proposal(u, proposal.pk) for u in residents]
    )
    assert outcomes.count("ok") == 30
    proposal.refresh_from_db()
    assert proposal.support_count == 30 == Support.objects.filter(proposal=proposal).count()


def test_one_resident_supporting_ten_times_at_once_counts_once(world):
    proposal = make_proposal(world)
    outcomes = _run_in_threads(
        [lambda: actions.support_proposal(world.resident_a2, proposal.pk) for _ in range(10)]
    )
    assert outcomes.count("ok") == 1 and outcomes.count("conflict") == 9
    proposal.refresh_from_db()
    assert proposal.support_count == 1 == Support.objects.filter(proposal=proposal).count()


def test_the_threshold_moves_it_to_review_exactly_once(world):
    proposal = make_proposal(world)
    outcomes = _run_in_threads(
        [lambda u=u: actions.support_proposal(u, proposal.pk) for u in _residents(world, 12)]
    )
    proposal.refresh_from_db()
    assert proposal.state == State.REVIEWING
    assert outcomes.count("ok") == proposal.support_count == 5
    assert Proposal.objects.get(pk=proposal.pk).support_count == 5
