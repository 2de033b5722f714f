"""A secret ballot stores who voted and what was chosen apart, with nothing linking them."""

import uuid

from django.db import connection

from ballots import actions
from ballots.models import Choice, Paper, RollEntry
from core.models import AuditEntry
from tests.ballots.conftest import option_ids
from tests.factories import MembershipFactory, UserFactory


def _columns(model):
    with connection.cursor() as cursor:
        return [
            c.name
            for c in connection.introspection.get_table_description(cursor, model._meta.db_table)
        ]


def test_the_stored_rows_hold_no_link_between_voter_and_choice(world, ballot_in):
    voters = [world.resident_a, world.resident_a2]
    for _ in range(6):
        user = UserFactory()
        MembershipFactory(user=user, region=world.village_a)
        voters.append(user)
    ballot = ballot_in()
    ids = option_ids(ballot)
    receipts = {}
    for i, voter in enumerate(voters):
        receipts[voter.pk] = actions.cast_vote(voter, ballot.pk, [ids[i % 3]]).receipt

    # The papers and choices: no user column, random keys, no time of any kind.
    assert set(_columns(Paper)) == {"id", "receipt", "ballot_id", "voter_id"}
    assert not Paper.objects.filter(voter__isnull=False).exists()
    assert set(_columns(Choice)) == {"id", "paper_id", "option_id"}
    for row in Paper.objects.values("id"):
        assert isinstance(row["id"], uuid.UUID) and row["id"].version == 4
    for row in Choice.objects.values("id"):
        assert isinstance(row["id"], uuid.UUID) and row["id"].version == 4

    # The roll: who voted and how (online/paper), nothing about the choice or the time.
    assert set(_columns(RollEntry)) == {"id", "ballot_id", "user_id", "channel"}
    roll_ids = sorted(RollEntry.objects.filter(ballot=ballot).values_list("id", flat=True))
    # The roll was written when the ballot opened, not when each person voted.
    assert roll_ids == list(range(roll_ids[0], roll_ids[0] + len(voters)))

    # The audit log records that someone voted, never the choice or the receipt.
    for entry in AuditEntry.objects.filter(verb="ballot.voted"):
        text = repr(entry.data) + entry.reason
        assert not any(receipt in text for receipt in receipts.values())
        assert "option" not in text and "choice" not in text

    # No receipt or paper id appears in the roll, and counting still works.
    assert Paper.objects.filter(ballot=ballot).count() == len(voters)
    assert Choice.objects.filter(paper__ballot=ballot).count() == len(voters)
    assert set(RollEntry.objects.filter(ballot=ballot).values_list("channel", flat=True)) == {
        "online"
    }


def test_papers_come_back_in_an_order_unrelated_to_voting(world, ballot_in):
    """Ordered by their random receipts, not by insertion: the public list reveals no order."""
    voters = []
    for _ in range(12):
        user = UserFactory()
        MembershipFactory(user=user, region=world.village_a)
        voters.append(user)
    ballot = ballot_in()
    cast = [actions.cast_vote(v, ballot.pk, option_ids(ballot)[:1]).receipt for v in voters]
    listed = list(Paper.objects.filter(ballot=ballot).values_list("receipt", flat=True))
    assert listed == sorted(cast)


def test_a_secret_ballots_api_and_page_never_name_voters(client, world, ballot_in):
    ballot = ballot_in()
    actions.cast_vote(world.resident_a, ballot.pk, option_ids(ballot)[:1])
    client.force_login(world.resident_a2)
    body = client.get(f"/api/v1/ballots/{ballot.pk}").content.decode()
    page = client.get(f"/ballots/{ballot.pk}/").content.decode()
    assert "王秀英" not in body and "王秀英" not in page
