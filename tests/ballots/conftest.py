"""Ballots and outcomes in any state, reached through the real actions."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from ballots import actions
from ballots.models import Ballot, Kind
from core import ratelimit
from outcomes import actions as outcome_actions
from outcomes.models import Outcome
from proposals.models import Proposal, State
from tests.conftest import World
from tests.proposals.conftest import login, make_proposal, proposal_in  # noqa: F401

__all__ = ["login", "make_ballot", "make_outcome"]


def make_ballot(
    world: World,
    *,
    proposal: Proposal | None = None,
    kind: str = Kind.YES_NO,
    options: tuple[str, ...] = (),
    secret: bool = True,
    days: int = 7,
    committee: Any = None,
    **kwargs: Any,
) -> Ballot:
    """An open ballot on a matter of 村A (its proposal is now in voting)."""
    ensure_category()
    proposal = proposal or make_proposal(world, State.DELIBERATING)
    committee = committee or (
        world.committee_b if proposal.region_id == world.village_b.pk else world.committee_a
    )
    kwargs.setdefault("max_choices", 2 if kind == Kind.MULTIPLE else 1)
    return actions.create_ballot(
        committee,
        proposal.pk,
        question="是否同意？",
        kind=kind,
        options=options or (("甲", "乙", "丙") if kind != Kind.YES_NO else ()),
        secret=secret,
        closes_at=timezone.now() + timedelta(days=days),
        **kwargs,
    )


def ensure_category() -> None:
    """Transactional tests flush the tables, seeded categories included: put one back."""
    from proposals.models import Category

    Category.objects.get_or_create(name="公共设施")


def option_ids(ballot: Ballot) -> list[int]:
    return list(ballot.options.values_list("pk", flat=True))


def close_now(ballot: Ballot) -> Ballot:
    """Pretend the voting period is over, then close through the action."""
    Ballot.objects.filter(pk=ballot.pk).update(
        opens_at=timezone.now() - timedelta(days=8), closes_at=timezone.now() - timedelta(seconds=1)
    )
    return actions.close_ballot(ballot.pk)


def make_outcome(
    world: World, state: str = "published", *, voted: bool = True, passed: bool = True
) -> Outcome:
    """An outcome of a 村A matter: published (in its 公示期), final, implementing or completed."""
    ensure_category()
    with ratelimit.suspended():
        if voted:
            ballot = make_ballot(world)
            yes, no, _abstain = option_ids(ballot)
            actions.cast_vote(world.resident_a, ballot.pk, [yes if passed else no])
            actions.cast_vote(world.resident_a2, ballot.pk, [yes if passed else no])
            close_now(ballot)
            proposal_pk = ballot.proposal_id
        else:
            proposal_pk = make_proposal(world, State.DELIBERATING).pk
        outcome = outcome_actions.publish_outcome(
            world.committee_a,
            proposal_pk,
            decision="同意在村口安装两盏路灯。",
            responsible="村委会 陈主任",
            deadline=timezone.localdate() + timedelta(days=30),
        )
        if state == "published":
            return outcome
        Outcome.objects.filter(pk=outcome.pk).update(
            objections_until=timezone.now() - timedelta(seconds=1)
        )
        outcome.refresh_from_db()
        outcome_actions.finalize_if_due(outcome)
        if state == "final":
            return outcome
        outcome_actions.start_implementation(world.committee_a, outcome.pk)
        if state == "implementing":
            return outcome
        outcome_actions.complete(world.committee_a, outcome.pk)
        return outcome


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """The personas' passwords need not be expensive to hash here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def ballot_in(world: World) -> Any:
    def build(**kwargs: Any) -> Ballot:
        with ratelimit.suspended():
            return make_ballot(world, **kwargs)

    return build


@pytest.fixture
def tiny_png() -> Any:
    def build(name: str = "sheet.png") -> Any:
        import io

        from django.core.files.uploadedfile import SimpleUploadedFile
        from PIL import Image

        out = io.BytesIO()
        Image.new("RGB", (40, 30), (200, 10, 10)).save(out, "PNG")
        return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")

    return build


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
