"""The proposal state machine: one table, one function that moves along it.

Every state change — by this app's actions, by rooms, by ballots — goes through
transition(). It locks the row, refuses edges that are not in TRANSITIONS or
actors who may not take them, records an audit entry (the public timeline) and
notifies followers once the transaction commits.

    from proposals.lifecycle import transition
    transition(proposal, State.VOTING, actor)            # a committee member opens a vote
    transition(proposal, State.DECIDED, None, system=True)  # a ballot closed by a task
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import may_moderate
from core import audit
from core.errors import ActionError, Conflict, Forbidden
from proposals.models import Proposal, State


class Who(StrEnum):
    AUTHOR = "author"  # the proposal's author
    MODERATOR = "moderator"  # committee of the village, or staff above (may_moderate)
    SYSTEM = "system"  # the platform itself (thresholds, timers), never a person


@dataclass(frozen=True)
class Edge:
    source: State
    target: State
    who: frozenset[Who]


def _edge(source: State, target: State, *who: Who) -> tuple[tuple[State, State], Edge]:
    return (source, target), Edge(source, target, frozenset(who))


A, M, S = Who.AUTHOR, Who.MODERATOR, Who.SYSTEM

TRANSITIONS: dict[tuple[State, State], Edge] = dict(
    [
        _edge(State.DRAFT, State.COLLECTING, A),
        _edge(State.DRAFT, State.WITHDRAWN, A),
        _edge(State.COLLECTING, State.REVIEWING, S),
        _edge(State.COLLECTING, State.WITHDRAWN, A),
        _edge(State.COLLECTING, State.REJECTED, M),
        _edge(State.COLLECTING, State.MERGED, M),
        _edge(State.REVIEWING, State.DELIBERATING, M),
        _edge(State.REVIEWING, State.REJECTED, M),
        _edge(State.REVIEWING, State.MERGED, M),
        # Entered by the rooms and ballots features.
        _edge(State.DELIBERATING, State.VOTING, M, S),
        _edge(State.DELIBERATING, State.DECIDED, M),  # consensus reached without a vote
        _edge(State.VOTING, State.DELIBERATING, M),  # a ballot cancelled
        _edge(State.VOTING, State.DECIDED, M, S),  # a ballot closed
        _edge(State.DECIDED, State.IMPLEMENTING, M),
        _edge(State.IMPLEMENTING, State.COMPLETED, M),
    ]
)

REASON_REQUIRED = frozenset({State.REJECTED})
TERMINAL = frozenset({State.COMPLETED, State.REJECTED, State.MERGED, State.WITHDRAWN})
REASON_MAX = 500

# The audit verb of each target state: the public timeline is read from these.
VERB_PREFIX = "proposal."


def verb_for(target: State) -> str:
    return f"{VERB_PREFIX}{target}"


def may_take(edge: Edge, actor: Any, proposal: Proposal, *, system: bool = False) -> bool:
    if system:
        return Who.SYSTEM in edge.who
    if Who.AUTHOR in edge.who and getattr(actor, "pk", None) == proposal.author_id:
        return True
    return Who.MODERATOR in edge.who and may_moderate(actor, proposal.region)


def transition(
    proposal: Proposal,
    target: State,
    actor: Any,
    *,
    reason: str = "",
    system: bool = False,
    notify_author_as: str | None = None,
    **data: Any,
) -> Proposal:
    """Move the proposal to `target`, or raise Conflict/Forbidden/ActionError and change nothing.

    `system=True` is for the platform's own moves (actor may be None). The caller's
    proposal instance is updated in place and returned.
    """
    reason = (reason or "").strip()
    if target in REASON_REQUIRED and not reason:
        raise ActionError(_("Please give a reason."), field="reason")
    if len(reason) > REASON_MAX:
        raise ActionError(_("The reason is too long (500 characters at most)."), field="reason")
    with transaction.atomic():
        # Lock and re-read: the state we check is the state we change.
        locked = Proposal.objects.select_for_update().select_related("region").get(pk=proposal.pk)
        edge = TRANSITIONS.get((State(locked.state), target))
        if edge is None:
            raise Conflict(_("This matter cannot move to that state now."), field="state")
        if not may_take(edge, actor, locked, system=system):
            raise Forbidden(_("You may not do this."))
        if target == State.MERGED and locked.merged_into_id is None:
            # Only merge_proposal() sets the target first: a merge always says into what.
            raise ActionError(_("Please choose the matter to merge into."), field="merge_into")
        source = locked.state
        locked.state = target
        locked.state_changed = timezone.now()
        if target == State.COLLECTING and locked.submitted_at is None:
            locked.submitted_at = locked.state_changed
        locked.save(update_fields=["state", "state_changed", "submitted_at", "updated"])
        audit.record(
            None if system else actor,
            verb_for(target),
            locked,
            region=locked.region,
            reason=reason,
            from_state=str(source),
            to_state=str(target),
            **data,
        )
        _notify(locked, actor, source=str(source), notify_author_as=notify_author_as)
        _announce(locked.pk, source=str(source), target=str(target))
    for field in ("state", "state_changed", "submitted_at", "updated"):
        setattr(proposal, field, getattr(locked, field))
    return proposal


# Sent once the transaction that moved a proposal commits, for features that react to
# states (the room announces that it opened or closed). Arguments: proposal_id, source, target.
state_changed = Signal()


def _announce(proposal_id: int, *, source: str, target: str) -> None:
    transaction.on_commit(
        lambda: state_changed.send(
            sender=Proposal, proposal_id=proposal_id, source=source, target=target
        )
    )


def _notify(proposal: Proposal, actor: Any, *, source: str, notify_author_as: str | None) -> None:
    from proposals.notifications import notify_state_change

    notify_state_change(
        proposal,
        actor_id=getattr(actor, "pk", None),
        source=source,
        notify_author_as=notify_author_as,
    )
