"""村民会议现场表决: the committee records a paper vote held at a villagers' meeting."""

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ballots import live
from ballots.access import get_ballot_for
from ballots.actions.ballots import require_signed_in
from ballots.models import (
    Ballot,
    BallotState,
    Channel,
    Kind,
    PaperCount,
    PaperTally,
    RollEntry,
)
from ballots.permissions import may_run_ballots
from core import audit
from core.errors import ActionError, Conflict, Forbidden
from proposals.images import CleanImage, clean_image

NOTE_MAX = 500


def clean_photo(upload: Any, *, field: str = "photo") -> CleanImage:
    if not upload:
        raise ActionError(_("Please add a photo of the tally sheet."), field=field)
    try:
        return clean_image(upload)
    except ActionError as exc:
        raise ActionError(exc.message, field=field) from exc


def _clean_voters(values: Any) -> set[int]:
    try:
        voters = {int(v) for v in values or []}
    except (TypeError, ValueError):
        voters = set()
    if not voters:
        raise ActionError(_("Please tick the residents who voted on paper."), field="voters")
    return voters


def _clean_counts(ballot: Ballot, counts: Any, voters: int) -> dict[int, int]:
    options = {o.pk for o in ballot.options.all()}
    try:
        cleaned = {int(k): int(v) for k, v in dict(counts or {}).items()}
    except (TypeError, ValueError):
        raise ActionError(_("Each count must be a whole number."), field="counts") from None
    if set(cleaned) - options:
        raise ActionError(_("Please count only the listed options."), field="counts")
    if any(v < 0 for v in cleaned.values()):
        raise ActionError(_("Each count must be a whole number."), field="counts")
    total = sum(cleaned.values())
    if ballot.kind == Kind.MULTIPLE:
        fits = all(v <= voters for v in cleaned.values()) and total <= voters * ballot.max_choices
    else:
        fits = total == voters
    if not fits:
        raise ActionError(
            _("The counts do not add up to the %(n)d residents ticked as voting on paper.")
            % {"n": voters},
            field="counts",
        )
    return cleaned


def record_paper_tally(
    actor: Any, ballot_pk: Any, *, counts: Any, voters: Any, photo: Any, note: str = ""
) -> PaperTally:
    """Count the paper votes per option and mark their voters on the roll (no online vote)."""
    require_signed_in(actor)
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ActionError(_("The note is too long (500 characters at most)."), field="note")
    image = clean_photo(photo)
    voter_ids = _clean_voters(voters)
    with transaction.atomic():
        ballot = get_ballot_for(actor, ballot_pk, lock=True)
        if not may_run_ballots(actor, ballot.proposal):
            raise Forbidden(
                _("Only the committee of this place, or staff above it, may run a vote.")
            )
        if ballot.state != BallotState.OPEN:
            raise Conflict(_("Paper votes can be recorded only while the vote is open."))
        cleaned = _clean_counts(ballot, counts, len(voter_ids))
        marked = RollEntry.objects.filter(ballot=ballot, user_id__in=voter_ids, channel="").update(
            channel=Channel.PAPER
        )
        if marked != len(voter_ids):
            # Someone ticked is not on the roll or has voted already: change nothing.
            raise Conflict(
                _("Some residents ticked are not on the roll or have already voted."),
                field="voters",
            )
        tally = PaperTally(
            ballot=ballot,
            recorded_by=actor,
            note=note,
            voters=len(voter_ids),
            token=image.token,
            extension=image.extension,
        )
        tally.photo.save(f"tally.{image.extension}", image.content, save=False)
        tally.save()
        PaperCount.objects.bulk_create(
            [PaperCount(tally=tally, option_id=k, count=v) for k, v in cleaned.items()]
        )
        Ballot.objects.filter(pk=ballot.pk).update(voted_count=F("voted_count") + len(voter_ids))
        ballot.voted_count += len(voter_ids)
        audit.record(
            actor,
            "ballot.paper_tally",
            ballot,
            region=ballot.proposal.region,
            voters=len(voter_ids),
            counts={str(k): v for k, v in cleaned.items()},
            note=note,
        )
        live.push_turnout(ballot)
    return tally
