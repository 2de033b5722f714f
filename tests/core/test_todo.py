"""待办: what waits for the signed-in person, on 我的 (and the home page, tests/cms)."""

import re

import pytest
from django.urls import reverse

from accounts.actions import request_membership
from ballots import actions as ballot_actions
from core import ratelimit
from outcomes import actions as outcome_actions
from proposals.models import Proposal, State
from tests.ballots.conftest import make_ballot, make_outcome, option_ids
from tests.factories import UserFactory
from tests.proposals.conftest import login, make_proposal

pytestmark = pytest.mark.django_db


def todos(client, user) -> dict[str, tuple[int, str]]:
    """{key: (count, url)} of the 待办 card on 我的."""
    html = login(client, user).get(reverse("accounts:me")).content.decode()
    found = re.findall(
        r'<a class="todo-item[^"]*" href="([^"]+)" data-todo="(\w+)">.*?'
        r'<span class="todo-count" aria-hidden="true">(\d+)</span>',
        html,
    )
    return {key: (int(count), url) for url, key, count in found}


def test_a_resident_sees_the_vote_waiting_for_them_until_they_vote(client, world):
    with ratelimit.suspended():
        ballot = make_ballot(world)
    assert todos(client, world.resident_a)["votes"] == (1, f"/ballots/{ballot.pk}/")
    assert "votes" not in todos(client, world.resident_b)  # another village's roll
    with ratelimit.suspended():
        ballot_actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    assert "votes" not in todos(client, world.resident_a)


def test_the_committee_reaches_matters_to_review_in_one_tap(client, world):
    make_proposal(world, State.REVIEWING)
    assert todos(client, world.committee_a)["review"] == (1, reverse("proposals:review_queue"))
    assert todos(client, world.staff)["review"][0] == 1  # the township above sees it too
    assert "review" not in todos(client, world.committee_b)
    assert "review" not in todos(client, world.resident_a)


def test_join_requests_wait_for_the_committee_of_that_village(client, world):
    newcomer = UserFactory()
    request_membership(newcomer, world.village_a.pk, note="新搬来的")
    assert todos(client, world.committee_a)["join_requests"][0] == 1
    assert "join_requests" not in todos(client, world.committee_b)


def test_an_unanswered_objection_waits_for_the_committee_until_answered(client, world):
    outcome = make_outcome(world)
    with ratelimit.suspended():
        objection = outcome_actions.lodge_objection(world.resident_a, outcome.pk, "位置不合适")
    count, url = todos(client, world.committee_a)["objections"]
    assert (count, url) == (1, f"/outcomes/{outcome.pk}/#objections")
    assert "objections" not in todos(client, world.resident_a)
    outcome_actions.answer_objection(world.committee_a, objection.pk, "已调整位置。")
    assert "objections" not in todos(client, world.committee_a)


def test_nothing_waiting_shows_no_card(client, world):
    html = login(client, world.outsider).get(reverse("accounts:me")).content.decode()
    assert "todo-card" not in html


def test_the_card_costs_the_same_queries_for_one_matter_or_many(
    client, world, django_assert_max_num_queries
):
    make_proposal(world, State.REVIEWING)
    login(client, world.committee_a)
    with django_assert_max_num_queries(30) as one:
        client.get(reverse("accounts:me"))
    template = Proposal.objects.get()
    for n in range(30):
        template.pk = None
        template.title = f"议题{n}"
        template.save()
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(reverse("accounts:me"))
    assert todos(client, world.committee_a)["review"][0] == 31
    assert page.status_code == 200
