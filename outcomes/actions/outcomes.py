"""结果公示 and 跟踪落实: publish, object, answer, finalise, progress, complete, rate."""

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import may_moderate, may_participate
from ballots.actions.ballots import require_signed_in
from ballots.actions.paper import clean_photo
from ballots.models import Ballot, BallotState
from core import audit, ratelimit
from core.errors import ActionError, Conflict, Forbidden, NotFound, TooMany
from core.notify import notify_on_commit
from core.parse import as_id
from outcomes.access import get_outcome_for
from outcomes.models import (
    DEFAULT_PUBLICITY_DAYS,
    TEXT_MAX,
    Evaluation,
    Objection,
    Outcome,
    Progress,
    ProgressPhoto,
    Rating,
)
from outcomes.notices import notify_outcome
from outcomes.permissions import may_manage_outcome, may_publish_outcome
from proposals.access import get_proposal_for
from proposals.lifecycle import transition
from proposals.models import State

RESPONSIBLE_MAX = 60
COMMENT_MAX = 500
PUBLICITY_RANGE = (1, 30)
WRITE_LIMIT = (10, 60)


def _text(value: Any, field: str, *, limit: int = TEXT_MAX, required: bool = True) -> str:
    text = (value or "").strip() if isinstance(value, str | type(None)) else str(value).strip()
    if required and not text:
        raise ActionError(_("This field is required."), field=field)
    if len(text) > limit:
        raise ActionError(
            _("This text is too long (%(n)d characters at most).") % {"n": limit}, field=field
        )
    return text


def _rate(user: Any, what: str) -> None:
    if not ratelimit.allow(
        f"outcome:{what}:{user.pk}", limit=WRITE_LIMIT[0], window=WRITE_LIMIT[1]
    ):
        raise TooMany(_("Too many requests just now. Please try again in a minute."))


def _forbidden() -> Forbidden:
    return Forbidden(_("Only the committee of this place, or staff above it, may do this."))


def _managed(actor: Any, outcome_pk: Any) -> Outcome:
    """The outcome, locked, if the actor is its committee (or staff above). In a transaction."""
    outcome = get_outcome_for(actor, outcome_pk, lock=True)
    if not may_manage_outcome(actor, outcome):
        raise _forbidden()
    return outcome


def _clean_deadline(value: Any) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, date):
        raise ActionError(_("Please give a deadline date."), field="deadline")
    if value < timezone.localdate():
        raise ActionError(_("The deadline is in the past."), field="deadline")
    return value


def _clean_days(value: Any) -> int:
    try:
        days = int(value if value not in (None, "") else DEFAULT_PUBLICITY_DAYS)
    except (TypeError, ValueError):
        days = 0
    low, high = PUBLICITY_RANGE
    if not low <= days <= high:
        raise ActionError(
            _("The publicity period must be between %(low)d and %(high)d days.")
            % {"low": low, "high": high},
            field="publicity_days",
        )
    return days


def publish_outcome(
    actor: Any,
    proposal_pk: Any,
    *,
    decision: str,
    responsible: str,
    deadline: Any,
    publicity_days: Any = DEFAULT_PUBLICITY_DAYS,
) -> Outcome:
    """Publish the outcome of a decided matter (after its ballot) or of one agreed without a vote.

    The tally and quorum come from the closed ballot. The 公示期 starts now.
    """
    require_signed_in(actor)
    decision = _text(decision, "decision")
    responsible = _text(responsible, "responsible", limit=RESPONSIBLE_MAX)
    due = _clean_deadline(deadline)
    days = _clean_days(publicity_days)
    with transaction.atomic():
        proposal = get_proposal_for(actor, proposal_pk, lock=True)
        if not may_publish_outcome(actor, proposal):
            if may_moderate(actor, proposal.region):
                raise Conflict(_("This matter has no decision to publish yet."), field="state")
            raise _forbidden()
        if Outcome.objects.filter(proposal=proposal).exists():
            raise Conflict(_("The outcome of this matter is already published."))
        ballot = (
            Ballot.objects.filter(proposal=proposal, state=BallotState.CLOSED).first()
            if proposal.state == State.DECIDED
            else None
        )
        if (
            proposal.state == State.DELIBERATING
            and Ballot.objects.filter(
                proposal=proposal, state__in=[BallotState.SCHEDULED, BallotState.OPEN]
            ).exists()
        ):
            raise Conflict(_("A vote on this matter is under way."), field="state")
        now = timezone.now()
        outcome = Outcome.objects.create(
            proposal=proposal,
            ballot=ballot,
            decision=decision,
            responsible=responsible,
            deadline=due,
            published_by=actor,
            published_at=now,
            objections_until=now + timedelta(days=days),
        )
        if proposal.state == State.DELIBERATING:
            transition(proposal, State.DECIDED, actor, outcome=outcome.pk)
        audit.record(actor, "outcome.published", outcome, region=proposal.region, days=days)
        notify_outcome(outcome, "outcome_published", exclude=actor.pk)
    return outcome


def lodge_objection(user: Any, outcome_pk: Any, text: str) -> Objection:
    """异议: a resident of the village objects during the publicity period, once."""
    require_signed_in(user)
    text = _text(text, "text")
    _rate(user, "object")
    with transaction.atomic():
        outcome = get_outcome_for(user, outcome_pk, lock=True)
        if not may_participate(user, outcome.proposal.region):
            raise Forbidden(
                _("Only approved residents of %(place)s can object.")
                % {"place": outcome.proposal.region.name}
            )
        if not outcome.in_publicity_period():
            raise Conflict(_("The publicity period is over: objections are closed."))
        try:
            with transaction.atomic():
                objection = Objection.objects.create(outcome=outcome, author=user, text=text)
        except IntegrityError as exc:
            raise Conflict(_("You have already lodged an objection to this outcome.")) from exc
        audit.record(user, "outcome.objection", outcome, region=outcome.proposal.region)
        notify_outcome(outcome, "outcome_objection", committee=True)
    return objection


def answer_objection(actor: Any, objection_pk: Any, answer: str) -> Objection:
    """The committee answers publicly; the last answer after the period makes it final."""
    require_signed_in(actor)
    answer = _text(answer, "answer")
    with transaction.atomic():
        key = as_id(objection_pk) or 0
        objection = Objection.objects.select_for_update(of=("self",)).filter(pk=key).first()
        if objection is None:
            raise NotFound(_("This objection does not exist."))
        outcome = get_outcome_for(actor, objection.outcome_id, lock=True)
        if not may_manage_outcome(actor, outcome):
            raise _forbidden()
        if objection.answered_at:
            raise Conflict(_("This objection has already been answered."))
        objection.answer, objection.answered_by = answer, actor
        objection.answered_at = timezone.now()
        objection.save(update_fields=["answer", "answered_by", "answered_at"])
        audit.record(actor, "outcome.answered", outcome, region=outcome.proposal.region)
        notify_on_commit("objection_answered", objection.author_id, outcome_id=outcome.pk)
        finalize_if_due(outcome)
    return objection


def finalize_if_due(outcome: Outcome, *, now: datetime | None = None) -> bool:
    """Final once the period is over and every objection has an answer. Idempotent."""
    now = now or timezone.now()
    if outcome.is_final or now < outcome.objections_until:
        return False
    if outcome.objections.filter(answered_at__isnull=True).exists():
        return False
    updated = Outcome.objects.filter(pk=outcome.pk, finalized_at__isnull=True).update(
        finalized_at=now
    )
    if updated:
        outcome.finalized_at = now
        audit.record(None, "outcome.final", outcome, region=outcome.proposal.region)
    return bool(updated)


def finalize_due_outcomes(now: datetime | None = None) -> int:
    """Beat: make final every outcome whose period is over with all objections answered."""
    now = now or timezone.now()
    due = Outcome.objects.filter(finalized_at__isnull=True, objections_until__lte=now)
    done = 0
    for outcome in due.select_related("proposal__region"):
        with transaction.atomic():
            done += finalize_if_due(outcome, now=now)
    return done


def start_implementation(actor: Any, outcome_pk: Any) -> Outcome:
    """decided → implementing, once the outcome is final and the motion was carried."""
    require_signed_in(actor)
    with transaction.atomic():
        outcome = _managed(actor, outcome_pk)
        if not outcome.is_final:
            raise Conflict(
                _("The outcome becomes final after the publicity period and all answers.")
            )
        if outcome.ballot is not None and not outcome.ballot.passed:
            raise Conflict(_("The motion was not carried: there is nothing to implement."))
        transition(outcome.proposal, State.IMPLEMENTING, actor, outcome=outcome.pk)
    return outcome


def add_progress(
    actor: Any, outcome_pk: Any, *, text: str, percent: Any, photos: Sequence[Any] = ()
) -> Progress:
    require_signed_in(actor)
    text = _text(text, "text")
    try:
        pct = int(percent)
    except (TypeError, ValueError):
        pct = -1
    if not 0 <= pct <= 100:
        raise ActionError(_("The percentage must be from 0 to 100."), field="percent")
    if len(photos) > ProgressPhoto.MAX_PER_UPDATE:
        raise ActionError(_("At most 6 photos per update."), field="photos")
    images = [clean_photo(p, field="photos") for p in photos]
    with transaction.atomic():
        outcome = _managed(actor, outcome_pk)
        if outcome.proposal.state != State.IMPLEMENTING:
            raise Conflict(
                _("Progress can be reported only while the matter is being carried out.")
            )
        progress = Progress.objects.create(outcome=outcome, author=actor, text=text, percent=pct)
        for image in images:
            photo = ProgressPhoto(progress=progress, token=image.token, extension=image.extension)
            photo.file.save(f"p.{image.extension}", image.content, save=False)
            photo.save()
        audit.record(
            actor, "outcome.progress", outcome, region=outcome.proposal.region, percent=pct
        )
        notify_outcome(outcome, "outcome_progress", exclude=actor.pk)
    return progress


def complete(actor: Any, outcome_pk: Any) -> Outcome:
    """implementing → completed; residents may then rate it."""
    require_signed_in(actor)
    with transaction.atomic():
        outcome = _managed(actor, outcome_pk)
        transition(outcome.proposal, State.COMPLETED, actor, outcome=outcome.pk)
    return outcome


def rate_outcome(user: Any, outcome_pk: Any, *, rating: str, comment: str = "") -> Evaluation:
    """评议: each resident of the village rates a completed matter once."""
    require_signed_in(user)
    if rating not in Rating.values:
        raise ActionError(_("Please choose one of the listed ratings."), field="rating")
    comment = _text(comment, "comment", limit=COMMENT_MAX, required=False)
    _rate(user, "rate")
    with transaction.atomic():
        outcome = get_outcome_for(user, outcome_pk, lock=True)
        if not may_participate(user, outcome.proposal.region):
            raise Forbidden(
                _("Only approved residents of %(place)s can rate this.")
                % {"place": outcome.proposal.region.name}
            )
        if outcome.proposal.state != State.COMPLETED:
            raise Conflict(_("It can be rated once the work is completed."))
        try:
            with transaction.atomic():
                evaluation = Evaluation.objects.create(
                    outcome=outcome, user=user, rating=rating, comment=comment
                )
        except IntegrityError as exc:
            raise Conflict(_("You have already rated this.")) from exc
        audit.record(user, "outcome.rated", outcome, region=outcome.proposal.region, rating=rating)
    return evaluation
