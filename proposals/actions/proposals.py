"""Raising, editing, submitting, withdrawing and reviewing proposals."""

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Region
from core import audit, ratelimit
from core.errors import ActionError, Conflict, Forbidden, TooMany
from core.parse import as_id
from proposals.access import get_proposal_for
from proposals.actions.supports import carry_over_supports, follow_quietly
from proposals.images import CleanImage, clean_image
from proposals.lifecycle import transition
from proposals.models import BODY_MAX, TITLE_MAX, Category, Proposal, ProposalImage, State
from proposals.permissions import is_signed_in, may_edit, may_propose, may_review
from proposals.text import clean_body, clean_line

# Posting limits per user: enough for a real person, too few for a script.
CREATE_LIMIT = (5, 600)  # proposals per 10 minutes

DECISIONS = ("accept", "reject", "merge")


def _require_signed_in(user: Any) -> None:
    if not is_signed_in(user):
        raise Forbidden(_("Please log in first."))


def _clean_fields(title: str, body: str, category: Any) -> tuple[str, str, Category]:
    title = clean_line(title, field="title", label=_("The title"), max_length=TITLE_MAX)
    body = clean_body(body, field="body", label=_("The text"), max_length=BODY_MAX)
    return title, body, _category(category)


def _category(value: Any) -> Category:
    found = Category.objects.filter(pk=as_id(value) or 0, active=True).first()
    if found is None:
        raise ActionError(_("Please choose one of the listed categories."), field="category")
    return found


def _region_for(user: Any, value: Any) -> Region:
    region = Region.objects.filter(pk=as_id(value) or 0).first()
    if region is None:
        raise ActionError(_("Please choose one of the listed places."), field="region")
    if not may_propose(user, region):
        raise ActionError(
            _(
                "You can only raise matters in a village or community where you are an "
                "approved resident."
            ),
            field="region",
        )
    return region


def _clean_images(uploads: Sequence[Any], *, already: int = 0) -> list[CleanImage]:
    if already + len(uploads) > ProposalImage.MAX_PER_PROPOSAL:
        raise ActionError(_("At most 6 pictures per matter."), field="images")
    return [clean_image(upload) for upload in uploads]


def _save_images(proposal: Proposal, images: list[CleanImage]) -> None:
    for image in images:
        row = ProposalImage(
            proposal=proposal,
            token=image.token,
            extension=image.extension,
            width=image.width,
            height=image.height,
        )
        row.file.save(f"{image.token}.{image.extension}", image.content, save=True)


def create_proposal(
    user: Any,
    *,
    title: str,
    body: str,
    category: Any,
    region: Any,
    submit: bool = False,
    images: Sequence[Any] = (),
) -> Proposal:
    """An approved resident writes a matter for their village: a draft, or published at once."""
    _require_signed_in(user)
    title, body, found_category = _clean_fields(title, body, category)
    found_region = _region_for(user, region)
    cleaned = _clean_images(images)
    if not ratelimit.allow(
        f"proposal:create:{user.pk}", limit=CREATE_LIMIT[0], window=CREATE_LIMIT[1]
    ):
        raise TooMany(_("You have raised several matters just now. Please try again later."))
    with transaction.atomic():
        proposal = Proposal.objects.create(
            title=title, body=body, category=found_category, region=found_region, author=user
        )
        _save_images(proposal, cleaned)
        audit.record(user, "proposal.created", proposal, region=found_region)
        follow_quietly(user, proposal)
        if submit:
            transition(proposal, State.COLLECTING, user)
    return proposal


def edit_proposal(
    user: Any,
    pk: Any,
    *,
    title: str,
    body: str,
    category: Any,
    images: Sequence[Any] = (),
    remove_images: Sequence[int] = (),
) -> Proposal:
    """The author changes a draft. Published matters keep the words people supported."""
    _require_signed_in(user)
    title, body, found_category = _clean_fields(title, body, category)
    with transaction.atomic():
        proposal = get_proposal_for(user, pk, lock=True)
        if not may_edit(user, proposal):
            raise Conflict(_("Only drafts can be changed, and only by their author."))
        proposal.images.filter(pk__in=list(remove_images)).delete()
        cleaned = _clean_images(images, already=proposal.images.count())
        proposal.title, proposal.body, proposal.category = title, body, found_category
        proposal.save(update_fields=["title", "body", "category", "updated"])
        _save_images(proposal, cleaned)
        audit.record(user, "proposal.edited", proposal, region=proposal.region)
    return proposal


def submit_proposal(user: Any, pk: Any) -> Proposal:
    """Publish a draft: neighbours can now see and support it."""
    _require_signed_in(user)
    with transaction.atomic():
        proposal = get_proposal_for(user, pk, lock=True)
        return transition(proposal, State.COLLECTING, user)


def withdraw_proposal(user: Any, pk: Any, *, reason: str = "") -> Proposal:
    """The author takes the matter back, before the committee has started reviewing it."""
    _require_signed_in(user)
    with transaction.atomic():
        proposal = get_proposal_for(user, pk, lock=True)
        return transition(proposal, State.WITHDRAWN, user, reason=reason)


def _reviewable(actor: Any, pk: Any) -> Proposal:
    _require_signed_in(actor)
    proposal = get_proposal_for(actor, pk, lock=True)
    if not may_review(actor, proposal):
        from accounts.permissions import may_moderate

        if may_moderate(actor, proposal.region):
            raise Conflict(_("This matter is not waiting for review."), field="state")
        raise Forbidden(_("Only the committee of this place, or staff above it, may review."))
    return proposal


def accept_proposal(actor: Any, pk: Any, *, reason: str = "") -> Proposal:
    with transaction.atomic():
        proposal = _reviewable(actor, pk)
        return transition(
            proposal, State.DELIBERATING, actor, reason=reason, notify_author_as="proposal_reviewed"
        )


def reject_proposal(actor: Any, pk: Any, *, reason: str) -> Proposal:
    with transaction.atomic():
        proposal = _reviewable(actor, pk)
        return transition(
            proposal, State.REJECTED, actor, reason=reason, notify_author_as="proposal_reviewed"
        )


def merge_proposal(actor: Any, pk: Any, *, into: Any, reason: str = "") -> Proposal:
    """Fold a duplicate into another matter of the same village; its supporters carry over."""
    with transaction.atomic():
        proposal = _reviewable(actor, pk)
        if into in (None, ""):
            raise ActionError(_("Please choose the matter to merge into."), field="merge_into")
        target = get_proposal_for(actor, into, lock=True, field="merge_into")
        if target.pk == proposal.pk or target.region_id != proposal.region_id:
            raise ActionError(
                _("A matter can only be merged into another matter of the same place."),
                field="merge_into",
            )
        if target.state not in {State.COLLECTING, State.REVIEWING, State.DELIBERATING}:
            raise Conflict(_("That matter is no longer open."), field="merge_into")
        Proposal.objects.filter(pk=proposal.pk).update(merged_into=target)
        proposal.merged_into = target
        transition(
            proposal,
            State.MERGED,
            actor,
            reason=reason,
            merge_into=target.pk,
            notify_author_as="proposal_reviewed",
        )
        carry_over_supports(actor, source=proposal, target=target)
    return proposal


def review_proposal(
    actor: Any, pk: Any, *, decision: str, reason: str = "", merge_into: Any = None
) -> Proposal:
    """One entry point for the review form and the API."""
    if decision == "accept":
        return accept_proposal(actor, pk, reason=reason)
    if decision == "reject":
        return reject_proposal(actor, pk, reason=reason)
    if decision == "merge":
        return merge_proposal(actor, pk, into=merge_into, reason=reason)
    raise ActionError(_("Please choose accept, reject or merge."), field="decision")
