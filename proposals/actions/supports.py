"""Co-signing (附议), following, and the village's support threshold."""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import Region
from accounts.permissions import may_moderate, may_participate
from core import audit, ratelimit
from core.errors import ActionError, Conflict, Forbidden, NotFound, TooMany
from core.parse import as_id
from proposals.access import get_proposal_for
from proposals.lifecycle import transition
from proposals.models import (
    DEFAULT_SUPPORT_THRESHOLD,
    Follow,
    Proposal,
    State,
    Support,
    VillageSettings,
)
from proposals.permissions import is_signed_in, may_follow

SUPPORT_LIMIT = (30, 60)  # supports and withdrawals per minute
THRESHOLD_RANGE = (1, 500)


def support_threshold(region: Region) -> int:
    found = (
        VillageSettings.objects.filter(region=region)
        .values_list("support_threshold", flat=True)
        .first()
    )
    return found or DEFAULT_SUPPORT_THRESHOLD


def support_thresholds(regions: list[Region]) -> dict[int, int]:
    """support_threshold() for many places in one query."""
    found = dict(
        VillageSettings.objects.filter(region__in=regions).values_list(
            "region_id", "support_threshold"
        )
    )
    return {r.pk: found.get(r.pk) or DEFAULT_SUPPORT_THRESHOLD for r in regions}


def _start_review_if_due(proposal: Proposal) -> None:
    if proposal.state == State.COLLECTING and proposal.support_count >= support_threshold(
        proposal.region
    ):
        transition(
            proposal, State.REVIEWING, None, system=True, support_count=proposal.support_count
        )


def _recount(proposal: Proposal) -> None:
    proposal.support_count = proposal.supports.count()
    proposal.save(update_fields=["support_count", "updated"])


def _signed_in_within_rate(user: Any) -> None:
    if not is_signed_in(user):
        raise Forbidden(_("Please log in first."))
    if not ratelimit.allow(
        f"proposal:support:{user.pk}", limit=SUPPORT_LIMIT[0], window=SUPPORT_LIMIT[1]
    ):
        raise TooMany(_("Too many requests just now. Please try again in a minute."))


def support_proposal(user: Any, pk: Any) -> Proposal:
    """An approved resident of the village co-signs, once. Enough supports start the review."""
    _signed_in_within_rate(user)
    with transaction.atomic():
        # The row lock serialises supports of one proposal: the count stays exact.
        proposal = get_proposal_for(user, pk, lock=True)
        if proposal.state != State.COLLECTING:
            raise Conflict(_("This matter is not collecting supports."), field="state")
        if proposal.author_id == user.pk:
            raise Forbidden(_("You cannot support your own matter."))
        if not may_participate(user, proposal.region):
            raise Forbidden(
                _("Only approved residents of %(place)s can support this matter.")
                % {"place": proposal.region.name}
            )
        try:
            with transaction.atomic():
                Support.objects.create(proposal=proposal, user=user)
        except IntegrityError as exc:  # the database constraint is the real guard
            raise Conflict(_("You have already supported this matter.")) from exc
        _recount(proposal)
        audit.record(user, "proposal.supported", proposal, region=proposal.region)
        follow_quietly(user, proposal)
        _start_review_if_due(proposal)
    return proposal


def unsupport_proposal(user: Any, pk: Any) -> Proposal:
    """Withdraw one's support while the matter is still collecting."""
    _signed_in_within_rate(user)
    with transaction.atomic():
        proposal = get_proposal_for(user, pk, lock=True)
        if proposal.state != State.COLLECTING:
            raise Conflict(_("Supports can only be withdrawn while collecting."), field="state")
        deleted, _rows = Support.objects.filter(proposal=proposal, user=user).delete()
        if not deleted:
            raise Conflict(_("You have not supported this matter."))
        _recount(proposal)
        audit.record(user, "proposal.unsupported", proposal, region=proposal.region)
    return proposal


def carry_over_supports(actor: Any, *, source: Proposal, target: Proposal) -> None:
    """After a merge: the source's supporters now support the target (not its author)."""
    already = Support.objects.filter(proposal=target).values("user_id")
    carried = (
        Support.objects.filter(proposal=source)
        .exclude(Q(user_id__in=already) | Q(user_id=target.author_id))
        .values_list("user_id", flat=True)
    )
    Support.objects.bulk_create(
        [Support(proposal=target, user_id=user_id) for user_id in carried],
        ignore_conflicts=True,
    )
    _recount(target)
    audit.record(actor, "proposal.merged_in", target, region=target.region, source=source.pk)
    _start_review_if_due(target)


def follow_quietly(user: Any, proposal: Proposal) -> None:
    Follow.objects.get_or_create(user=user, proposal=proposal)


def follow_proposal(user: Any, pk: Any) -> Proposal:
    if not is_signed_in(user):
        raise Forbidden(_("Please log in first."))
    proposal = get_proposal_for(user, pk)
    if not may_follow(user, proposal):
        raise NotFound(_("This matter does not exist."))
    follow_quietly(user, proposal)
    return proposal


def unfollow_proposal(user: Any, pk: Any) -> Proposal:
    if not is_signed_in(user):
        raise Forbidden(_("Please log in first."))
    proposal = get_proposal_for(user, pk)
    Follow.objects.filter(user=user, proposal=proposal).delete()
    return proposal


def set_support_threshold(actor: Any, region_id: Any, threshold: Any) -> VillageSettings:
    """The committee sets how many supports send a matter to review; due ones move at once."""
    region = Region.objects.filter(pk=as_id(region_id) or 0).first()
    if region is None or not region.is_joinable or not may_moderate(actor, region):
        raise NotFound(_("This place does not exist."), field="region")
    try:
        value = int(threshold)
    except (TypeError, ValueError):
        value = 0
    low, high = THRESHOLD_RANGE
    if not low <= value <= high:
        raise ActionError(
            _("The number of supports must be between %(low)d and %(high)d.")
            % {"low": low, "high": high},
            field="threshold",
        )
    with transaction.atomic():
        settings, _created = VillageSettings.objects.select_for_update().get_or_create(
            region=region
        )
        settings.support_threshold = value
        settings.save(update_fields=["support_threshold"])
        audit.record(actor, "consult.threshold_set", settings, region=region, threshold=value)
        due = Proposal.objects.filter(
            region=region, state=State.COLLECTING, support_count__gte=value
        )
        for proposal in due.select_related("region"):
            _start_review_if_due(proposal)
    return settings
