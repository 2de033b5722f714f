"""Outcomes moved from the ballots app to their own: the migration keeps every row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("ballots", "0001_initial"), ("consult", "0003_image_size_set_on_upload")]
AFTER = [("outcomes", "0002_tables_renamed")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def seed_old_rows(apps):
    """An outcome with an objection, progress with a photo, and a rating, as ballots had them."""
    region_model = apps.get_model("accounts", "Region")
    user = apps.get_model("accounts", "User").objects.create(username="u1", phone="+8613800009999")
    region = region_model.objects.create(name="村", kind="village", path="0009", depth=1)
    # Migration 0002's categories are gone after an earlier transactional test's flush.
    category, _ = apps.get_model("consult", "Category").objects.get_or_create(name="其他")
    proposal = apps.get_model("consult", "Proposal").objects.create(
        title="修路", body="修路", author=user, region=region, category=category, state="decided"
    )
    now = timezone.now()
    outcome = apps.get_model("ballots", "Outcome").objects.create(
        proposal=proposal,
        decision="修",
        responsible="村委会",
        deadline=now.date(),
        published_by=user,
        objections_until=now,
    )
    apps.get_model("ballots", "Objection").objects.create(outcome=outcome, author=user, text="异议")
    progress = apps.get_model("ballots", "Progress").objects.create(
        outcome=outcome, author=user, text="开工", percent=10
    )
    apps.get_model("ballots", "ProgressPhoto").objects.create(
        progress=progress, token="t1", extension="jpg", file="outcomes/1/t1.jpg"
    )
    apps.get_model("ballots", "Evaluation").objects.create(
        outcome=outcome, user=user, rating="satisfied"
    )
    return outcome.pk


@pytest.fixture
def back_to_latest():
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_every_outcome_row_survives_the_move(back_to_latest):
    old = migrate(BEFORE)
    outcome_id = seed_old_rows(old)
    new = migrate(AFTER)
    outcome = new.get_model("outcomes", "Outcome").objects.get(pk=outcome_id)
    assert outcome.decision == "修"
    assert new.get_model("outcomes", "Objection").objects.filter(outcome=outcome).count() == 1
    assert new.get_model("outcomes", "Evaluation").objects.filter(outcome=outcome).count() == 1
    progress = new.get_model("outcomes", "Progress").objects.get(outcome=outcome)
    assert new.get_model("outcomes", "ProgressPhoto").objects.get(progress=progress).token == "t1"
    tables = connection.introspection.table_names()
    assert "outcomes_outcome" in tables and "ballots_outcome" not in tables
