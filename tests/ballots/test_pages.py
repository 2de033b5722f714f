"""The pages: vote with a receipt, committee forms, outcome page, print notice, query budgets."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from ballots import actions
from ballots.models import Ballot, Paper, PaperTally
from core import ratelimit
from outcomes import actions as outcome_actions
from outcomes.models import Evaluation, Objection, Outcome
from proposals.models import State
from tests.ballots.conftest import login, make_outcome, option_ids
from tests.factories import MembershipFactory, UserFactory
from tests.proposals.conftest import make_proposal


def test_a_resident_votes_on_the_page_and_sees_the_receipt_once(client, world, ballot_in):
    ballot = ballot_in()
    login(client, world.resident_a)
    page = client.get(f"/ballots/{ballot.pk}/").content.decode()
    assert 'id="vote-form"' in page and "赞成" in page
    response = client.post(f"/ballots/{ballot.pk}/vote/", {"choice": option_ids(ballot)[0]})
    receipt = Paper.objects.get().receipt
    assert response.status_code == 200 and receipt in response.content.decode()
    again = client.post(
        f"/ballots/{ballot.pk}/vote/", {"choice": option_ids(ballot)[1]}, follow=True
    )
    assert receipt not in again.content.decode()
    assert Paper.objects.count() == 1
    found = client.get(f"/ballots/{ballot.pk}/receipts/?q={receipt}").content.decode()
    assert "message success" in found


def test_the_proposal_page_shows_the_vote_panel(client, world, ballot_in):
    ballot = ballot_in()
    page = client.get(f"/proposals/{ballot.proposal_id}/").content.decode()
    assert f"/ballots/{ballot.pk}/" in page


def test_the_committee_opens_a_vote_from_the_proposal_page(client, world, proposal_in):
    proposal = proposal_in(State.DELIBERATING)
    login(client, world.committee_a)
    assert (
        f"/proposals/{proposal.pk}/ballot/new/"
        in client.get(f"/proposals/{proposal.pk}/").content.decode()
    )
    closes = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        f"/proposals/{proposal.pk}/ballot/new/",
        {
            "question": "是否安装路灯？",
            "kind": "yes_no",
            "secret": "on",
            "closes_at": closes,
        },
    )
    ballot = Ballot.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ballots/{ballot.pk}/"
    assert ballot.electorate_size == 2 and ballot.secret


def test_the_ballot_form_shows_errors_without_storing(client, world, proposal_in):
    proposal = proposal_in(State.DELIBERATING)
    login(client, world.committee_a)
    past = (timezone.localtime() - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        f"/proposals/{proposal.pk}/ballot/new/",
        {
            "question": "是否？",
            "kind": "single",
            "options": "只有一个",
            "closes_at": past,
        },
    )
    assert response.status_code == 400 and not Ballot.objects.exists()


@pytest.mark.parametrize("who", ["resident_a", "committee_b", "anonymous"])
def test_others_cannot_reach_the_committee_forms(client, world, ballot_in, who):
    ballot = ballot_in()
    login(client, world.persona(who))
    for url in [
        f"/proposals/{ballot.proposal_id}/ballot/new/",
        f"/ballots/{ballot.pk}/paper/",
        f"/proposals/{ballot.proposal_id}/outcome/new/",
    ]:
        assert client.get(url).status_code in {302, 404}


def test_the_committee_records_a_paper_vote_with_a_photo(client, world, ballot_in, tiny_png):
    ballot = ballot_in()
    yes, no, abstain = option_ids(ballot)
    login(client, world.committee_a)
    assert "王秀英" in client.get(f"/ballots/{ballot.pk}/paper/").content.decode()
    response = client.post(
        f"/ballots/{ballot.pk}/paper/",
        {
            "voters": [world.resident_a.pk],
            f"count_{yes}": 1,
            f"count_{no}": 0,
            f"count_{abstain}": 0,
            "photo": tiny_png(),
            "note": "村民会议",
        },
    )
    assert response.status_code == 302
    tally = PaperTally.objects.get()
    assert tally.photo.name.endswith(".png") and tally.voters == 1
    page = client.get(f"/ballots/{ballot.pk}/").content.decode()
    assert tally.photo.url in page


def test_the_committee_publishes_the_outcome_and_prints_it(client, world, ballot_in):
    from tests.ballots.conftest import close_now

    ballot = ballot_in()
    actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    close_now(ballot)
    login(client, world.committee_a)
    response = client.post(
        f"/proposals/{ballot.proposal_id}/outcome/new/",
        {
            "decision": "同意安装。",
            "responsible": "陈主任",
            "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "publicity_days": 7,
        },
    )
    outcome = Outcome.objects.get()
    assert response.status_code == 302 and outcome.ballot == ballot
    printed = client.get(f"/outcomes/{outcome.pk}/print/").content.decode()
    assert "<svg" in printed and "同意安装。" in printed
    assert f"/outcomes/{outcome.pk}/" in printed


def test_objection_answer_progress_completion_and_rating_on_the_page(client, world, tiny_png):
    outcome = make_outcome(world)
    login(client, world.resident_a)
    client.post(f"/outcomes/{outcome.pk}/object/", {"text": "位置再商量"})
    objection = Objection.objects.get()
    login(client, world.committee_a)
    client.post(
        f"/outcomes/objections/{objection.pk}/answer/", {"answer": "已实地查看，位置合适。"}
    )
    Outcome.objects.filter(pk=outcome.pk).update(objections_until=timezone.now())
    outcome_actions.finalize_due_outcomes()
    client.post(f"/outcomes/{outcome.pk}/implement/")
    client.post(
        f"/outcomes/{outcome.pk}/progress/",
        {"text": "灯杆已到货", "percent": 50, "photos": [tiny_png()]},
    )
    client.post(f"/outcomes/{outcome.pk}/complete/")
    outcome.proposal.refresh_from_db()
    assert outcome.proposal.state == State.COMPLETED
    login(client, world.resident_a2)
    client.post(f"/outcomes/{outcome.pk}/rate/", {"rating": "satisfied", "comment": "亮了"})
    page = client.get(f"/outcomes/{outcome.pk}/").content.decode()
    assert "已实地查看" in page and "灯杆已到货" in page and "亮了" in page
    assert Evaluation.objects.get().rating == "satisfied"


def _many_outcomes(world, n):
    with ratelimit.suspended():
        for i in range(n):
            proposal = make_proposal(world, State.DELIBERATING, title=f"议题{i}")
            outcome_actions.publish_outcome(
                world.committee_a,
                proposal.pk,
                decision="同意",
                responsible="村委会",
                deadline=timezone.localdate() + timedelta(days=9),
            )


@pytest.mark.parametrize("rows", [1, 200])
def test_the_outcome_list_runs_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    _many_outcomes(world, rows)
    with django_assert_max_num_queries(8):
        response = client.get("/outcomes/")
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 200])
def test_the_receipt_list_runs_a_fixed_number_of_queries(
    client, world, ballot_in, rows, django_assert_max_num_queries
):
    ballot = ballot_in()
    voters = [UserFactory.build(username=f"v{i}", phone=f"+86137{i:08d}") for i in range(rows)]
    from accounts.models import User
    from ballots.models import RollEntry

    User.objects.bulk_create(voters)
    users = list(User.objects.filter(username__startswith="v"))
    RollEntry.objects.bulk_create([RollEntry(ballot=ballot, user=u) for u in users])
    Ballot.objects.filter(pk=ballot.pk).update(electorate_size=2 + rows)
    with ratelimit.suspended():
        for user in users:
            actions.cast_vote(user, ballot.pk, option_ids(ballot)[:1])
    with django_assert_max_num_queries(8):
        client.get(f"/ballots/{ballot.pk}/receipts/")
    with django_assert_max_num_queries(12):
        client.get(f"/ballots/{ballot.pk}/")
    with django_assert_max_num_queries(8):
        client.get(f"/api/v1/ballots/{ballot.pk}")


@pytest.mark.parametrize("rows", [1, 200])
def test_an_open_ballot_and_the_outcome_page_run_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    outcome = make_outcome(world, "completed")
    users = []
    for _ in range(rows):
        user = UserFactory()
        MembershipFactory(user=user, region=world.village_a)
        users.append(user)
    with ratelimit.suspended():
        for i, user in enumerate(users):
            Evaluation.objects.create(
                outcome=outcome, user=user, rating="satisfied", comment=f"好{i}"
            )
            Objection.objects.create(
                outcome=outcome,
                author=user,
                text=f"意见{i}",
                answer="答复",
                answered_at=timezone.now(),
                answered_by=world.committee_a,
            )
    login(client, world.resident_a)
    with django_assert_max_num_queries(16):
        assert client.get(f"/outcomes/{outcome.pk}/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"/api/v1/outcomes/{outcome.pk}").status_code == 200


def test_receipts_are_readable_codes(world, ballot_in):
    ballot = ballot_in()
    paper = actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", paper.receipt)
