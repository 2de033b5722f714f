"""The demo data: every state in both demo villages, made through the actions, idempotent."""

import pytest
from django.core.management import call_command

from core.models import AuditEntry
from proposals.models import Proposal, State


@pytest.mark.django_db
def test_seed_demo_adds_proposals_in_every_state_and_runs_twice(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    count = Proposal.objects.count()
    assert {p.state for p in Proposal.objects.all()} == set(State.values)
    assert {p.region.name for p in Proposal.objects.select_related("region")} == {
        "幸福村",
        "和睦村",
    }
    assert AuditEntry.objects.filter(verb="proposal.rejected").exclude(reason="").exists()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Proposal.objects.count() == count
