"""Every write about ballots: create/open, vote, paper tallies, close and tally, cancel.

Lock order, everywhere: the ballot row first, then the proposal row (inside transition()).
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, MembershipStatus, Region, Role
from accounts.permissions import may_moderate
from ballots import live
from ballots.access import get_ballot_for
from ballots.models import (
    DEFAULT_QUORUM,
    MAX_OPTIONS,
    OPTION_MAX,
    QUESTION_MAX,
    Ballot,
    BallotDefaults,
    BallotState,
    Channel,
    Choice,
    Kind,
    Option,
    OptionRole,
    Paper,
    PassRule,
    RollEntry,
)
from ballots.permissions import may_run_ballots
from ballots.results import count_votes
from core import audit, ratelimit
from core.errors import ActionError, Conflict, Forbidden, NotFound, TooMany
from core.parse import as_id
from proposals.access import get_proposal_for
from proposals.lifecycle import transition
from proposals.models import Proposal, State

VOTE_LIMIT = (20, 60)  # vote attempts per user per minute
YES_NO_OPTIONS = [
    (OptionRole.YES, "赞成"),
    (OptionRole.NO, "反对"),
    (OptionRole.ABSTAIN, "弃权"),
]


def require_signed_in(user: Any) -> None:
    if not getattr(user, "is_authenticated", False):
        raise Forbidden(_("Please log in first."))


# --- Village defaults --------------------------------------------------------


def ballot_defaults(region: Region) -> tuple[int, str]:
    """(quorum %, pass rule) of the village, or the platform's defaults."""
    found = BallotDefaults.objects.filter(region=region).first()
    if found is None:
        return DEFAULT_QUORUM, PassRule.SIMPLE
    return found.quorum_percent, found.pass_rule


def _clean_quorum(value: Any) -> int:
    try:
        quorum = int(value)
    except (TypeError, ValueError):
        quorum = -1
    if not 0 <= quorum <= 100:
        raise ActionError(_("The quorum must be a percentage from 0 to 100."), field="quorum")
    return quorum


def _clean_rule(value: Any) -> str:
    if value not in PassRule.values:
        raise ActionError(_("Please choose one of the listed pass rules."), field="pass_rule")
    return str(value)


def set_ballot_defaults(
    actor: Any, region_id: Any, *, quorum_percent: Any, pass_rule: Any
) -> BallotDefaults:
    key = as_id(region_id)
    region = Region.objects.filter(pk=key).first() if key is not None else None
    if region is None or not region.is_joinable or not may_moderate(actor, region):
        raise NotFound(_("This place does not exist."), field="region")
    quorum, rule = _clean_quorum(quorum_percent), _clean_rule(pass_rule)
    with transaction.atomic():
        defaults, _created = BallotDefaults.objects.select_for_update().get_or_create(region=region)
        defaults.quorum_percent, defaults.pass_rule = quorum, rule
        defaults.save()
        audit.record(
            actor, "ballot.defaults_set", defaults, region=region, quorum=quorum, pass_rule=rule
        )
    return defaults


# --- Creating and opening ----------------------------------------------------


def _clean_options(kind: str, labels: Iterable[str], max_choices: Any) -> tuple[list[str], int]:
    if kind not in Kind.values:
        raise ActionError(_("Please choose one of the listed kinds of ballot."), field="kind")
    if kind == Kind.YES_NO:
        return [], 1
    cleaned = [label.strip() for label in labels if label and label.strip()]
    if not 2 <= len(cleaned) <= MAX_OPTIONS:
        raise ActionError(
            _("Please give between 2 and %(n)d options.") % {"n": MAX_OPTIONS}, field="options"
        )
    if len(set(cleaned)) != len(cleaned):
        raise ActionError(_("Two options have the same text."), field="options")
    if any(len(label) > OPTION_MAX for label in cleaned):
        raise ActionError(
            _("An option is too long (%(n)d characters at most).") % {"n": OPTION_MAX},
            field="options",
        )
    if kind == Kind.SINGLE:
        return cleaned, 1
    try:
        k = int(max_choices)
    except (TypeError, ValueError):
        k = 0
    if not 1 <= k <= len(cleaned):
        raise ActionError(
            _("The number of choices allowed must be between 1 and the number of options."),
            field="max_choices",
        )
    return cleaned, k


def _clean_times(
    opens_at: datetime | None, closes_at: datetime | None
) -> tuple[datetime, datetime]:
    now = timezone.now()
    opens = opens_at or now
    if closes_at is None:
        raise ActionError(_("Please say when the vote closes."), field="closes_at")
    if opens < now - timedelta(minutes=5):
        raise ActionError(_("The opening time is in the past."), field="opens_at")
    if closes_at <= max(opens, now):
        raise ActionError(_("The vote must close after it opens."), field="closes_at")
    return max(opens, now), closes_at


def create_ballot(
    actor: Any,
    proposal_pk: Any,
    *,
    question: str,
    kind: str = Kind.YES_NO,
    options: Iterable[str] = (),
    max_choices: Any = 1,
    secret: bool = True,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    quorum_percent: Any = None,
    pass_rule: Any = None,
) -> Ballot:
    """The committee (or staff above) puts a deliberated matter to the vote.

    Without `opens_at` (or with one now or past) it opens at once; otherwise the beat
    task opens it on time. Quorum and pass rule default to the village's.
    """
    require_signed_in(actor)
    question = (question or "").strip()
    if not question or len(question) > QUESTION_MAX:
        raise ActionError(
            _("Please write the question (%(n)d characters at most).") % {"n": QUESTION_MAX},
            field="question",
        )
    labels, k = _clean_options(kind, options, max_choices)
    opens, closes = _clean_times(opens_at, closes_at)
    with transaction.atomic():
        proposal = get_proposal_for(actor, proposal_pk, lock=True)
        _check_may_open(actor, proposal)
        default_quorum, default_rule = ballot_defaults(proposal.region)
        ballot = Ballot.objects.create(
            proposal=proposal,
            question=question,
            kind=kind,
            max_choices=k,
            secret=bool(secret),
            opens_at=opens,
            closes_at=closes,
            quorum_percent=default_quorum
            if quorum_percent in (None, "")
            else _clean_quorum(quorum_percent),
            pass_rule=default_rule if pass_rule in (None, "") else _clean_rule(pass_rule),
            created_by=actor,
        )
        _create_options(ballot, kind, labels)
        audit.record(actor, "ballot.created", ballot, region=proposal.region, proposal=proposal.pk)
        if opens <= timezone.now():
            _open(ballot, actor)
    return ballot


def _check_may_open(actor: Any, proposal: Proposal) -> None:
    if not may_run_ballots(actor, proposal):
        raise Forbidden(_("Only the committee of this place, or staff above it, may run a vote."))
    if proposal.state != State.DELIBERATING:
        raise Conflict(_("Only a matter under deliberation can be put to the vote."), field="state")
    if Ballot.objects.filter(proposal=proposal).exclude(state=BallotState.CANCELLED).exists():
        raise Conflict(_("This matter already has a ballot."), field="state")


def _create_options(ballot: Ballot, kind: str, labels: list[str]) -> None:
    if kind == Kind.YES_NO:
        rows = [
            Option(ballot=ballot, label=label, role=role, position=i)
            for i, (role, label) in enumerate(YES_NO_OPTIONS)
        ]
    else:
        rows = [Option(ballot=ballot, label=label, position=i) for i, label in enumerate(labels)]
    Option.objects.bulk_create(rows)


def electorate_ids(region: Region) -> list[int]:
    """Approved residents of the village (or of a grid below it), right now."""
    return list(
        Membership.objects.filter(
            role=Role.RESIDENT,
            status=MembershipStatus.APPROVED,
            region__path__startswith=region.path,
            user__is_active=True,
        )
        .values_list("user_id", flat=True)
        .distinct()
    )


def _open(ballot: Ballot, actor: Any) -> bool:
    """Snapshot the roll and open; the proposal moves to voting. False if already done."""
    with transaction.atomic():
        locked = Ballot.objects.select_for_update().get(pk=ballot.pk)
        if locked.state != BallotState.SCHEDULED:
            return False
        proposal = ballot.proposal  # transition() re-reads it under lock and updates it
        voters = electorate_ids(proposal.region)
        RollEntry.objects.bulk_create(
            [RollEntry(ballot=locked, user_id=user_id) for user_id in voters]
        )
        locked.state = BallotState.OPEN
        locked.electorate_size = len(voters)
        locked.save(update_fields=["state", "electorate_size"])
        system = actor is None
        transition(proposal, State.VOTING, actor, system=system, ballot=locked.pk)
        audit.record(actor, "ballot.opened", locked, region=proposal.region, electorate=len(voters))
        live.push_turnout(locked)
    ballot.state, ballot.electorate_size = locked.state, locked.electorate_size
    return True


def open_due_ballots(now: datetime | None = None) -> int:
    """Beat: open every scheduled ballot whose time has come. Safe to run twice."""
    now = now or timezone.now()
    due = Ballot.objects.filter(state=BallotState.SCHEDULED, opens_at__lte=now)
    opened = 0
    for ballot in due.only("pk"):
        try:
            opened += _open(ballot, None)
        except ActionError:  # the proposal moved on meanwhile; leave the ballot for a human
            continue
    return opened


# --- Voting ------------------------------------------------------------------


def _clean_choices(ballot: Ballot, choices: Any) -> list[Option]:
    if not isinstance(choices, list | tuple) or not choices:
        raise ActionError(_("Please choose an option."), field="choices")
    try:
        ids = [int(c) for c in choices]
    except (TypeError, ValueError):
        raise ActionError(_("Please choose one of the listed options."), field="choices") from None
    if len(set(ids)) != len(ids):
        raise ActionError(_("An option was chosen twice."), field="choices")
    options = {o.pk: o for o in ballot.options.all()}
    if any(i not in options for i in ids):
        raise ActionError(_("Please choose one of the listed options."), field="choices")
    if len(ids) > ballot.max_choices:
        raise ActionError(
            _("You may choose at most %(k)d options.") % {"k": ballot.max_choices},
            field="choices",
        )
    return [options[i] for i in ids]


def _check_open(ballot: Ballot) -> None:
    now = timezone.now()
    if ballot.state == BallotState.SCHEDULED or now < ballot.opens_at:
        raise Conflict(_("This vote has not opened yet."), field="state")
    # The beat task may run a little late: the clock, not the flag, ends the vote.
    if ballot.state != BallotState.OPEN or now >= ballot.closes_at:
        raise Conflict(_("This vote has closed."), field="state")


def cast_vote(user: Any, ballot_pk: Any, choices: Any) -> Paper:
    """One resident on the roll votes once; returns the paper with its receipt code.

    The conditional update of the roll entry (empty channel → online) is the guard: a
    second vote — even fired in parallel — updates no row and is refused.
    """
    require_signed_in(user)
    if not ratelimit.allow(f"ballot:vote:{user.pk}", limit=VOTE_LIMIT[0], window=VOTE_LIMIT[1]):
        raise TooMany(_("Too many requests just now. Please try again in a minute."))
    with transaction.atomic():
        ballot = get_ballot_for(user, ballot_pk, lock=True)
        _check_open(ballot)
        options = _clean_choices(ballot, choices)
        marked = RollEntry.objects.filter(ballot=ballot, user=user, channel="").update(
            channel=Channel.ONLINE
        )
        if not marked:
            if RollEntry.objects.filter(ballot=ballot, user=user).exists():
                raise Conflict(_("You have already voted. A vote cannot be changed."))
            raise Forbidden(_("You are not on the electoral roll of this vote."), field="choices")
        paper = Paper.objects.create(ballot=ballot, voter=None if ballot.secret else user)
        Choice.objects.bulk_create([Choice(paper=paper, option=o) for o in options])
        Ballot.objects.filter(pk=ballot.pk).update(voted_count=F("voted_count") + 1)
        ballot.voted_count += 1
        # The audit says who voted (as the roll does), never what.
        audit.record(user, "ballot.voted", ballot, region=ballot.proposal.region)
        live.push_turnout(ballot)
    return paper


# --- Closing -----------------------------------------------------------------


def close_ballot(ballot_pk: Any, *, now: datetime | None = None) -> Ballot:
    """Close a ballot whose time is up, tally it, and mark the matter decided.

    Idempotent: a closed ballot (or one not yet due) is returned unchanged.
    """
    now = now or timezone.now()
    with transaction.atomic():
        ballot = Ballot.objects.select_for_update().get(pk=ballot_pk)
        if ballot.state != BallotState.OPEN or now < ballot.closes_at:
            return ballot
        proposal = Proposal.objects.select_related("region").get(pk=ballot.proposal_id)
        result = count_votes(ballot)
        ballot.state = BallotState.CLOSED
        ballot.tallied_at = now
        ballot.quorum_met = result["quorum_met"]
        ballot.passed = result["passed"]
        ballot.result = result
        ballot.save(update_fields=["state", "tallied_at", "quorum_met", "passed", "result"])
        audit.record(
            None,
            "ballot.closed",
            ballot,
            region=proposal.region,
            quorum_met=ballot.quorum_met,
            passed=ballot.passed,
            cast=result["cast"],
        )
        if proposal.state == State.VOTING:
            transition(proposal, State.DECIDED, None, system=True, ballot=ballot.pk)
    return ballot


def close_due_ballots(now: datetime | None = None) -> int:
    """Beat: close and tally every open ballot whose time is up. Safe to run twice."""
    now = now or timezone.now()
    due = Ballot.objects.filter(state=BallotState.OPEN, closes_at__lte=now).values_list(
        "pk", flat=True
    )
    closed = 0
    for pk in list(due):
        closed += close_ballot(pk, now=now).tallied_at == now
    return closed


def cancel_ballot(actor: Any, ballot_pk: Any, *, reason: str) -> Ballot:
    """Withdraw a ballot before it closes; the matter goes back to deliberation."""
    require_signed_in(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ActionError(_("Please give a reason."), field="reason")
    with transaction.atomic():
        ballot = get_ballot_for(actor, ballot_pk, lock=True)
        if not may_run_ballots(actor, ballot.proposal):
            raise Forbidden(
                _("Only the committee of this place, or staff above it, may run a vote.")
            )
        if ballot.state not in {BallotState.SCHEDULED, BallotState.OPEN}:
            raise Conflict(_("This vote has closed."), field="state")
        was_open = ballot.state == BallotState.OPEN
        ballot.state = BallotState.CANCELLED
        ballot.save(update_fields=["state"])
        audit.record(
            actor, "ballot.cancelled", ballot, region=ballot.proposal.region, reason=reason
        )
        if was_open:
            transition(ballot.proposal, State.DELIBERATING, actor, reason=reason, ballot=ballot.pk)
    return ballot
