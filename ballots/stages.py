"""The vote step of a matter's stepper: residents vote until the ballot closes."""

from django.utils.translation import gettext as _

from ballots.queries import live_ballot
from proposals.models import Proposal, State
from proposals.registry import StageDetail, register_stage_detail


def voting(proposal: Proposal) -> StageDetail:
    ballot = live_ballot(proposal)
    who = _("Residents of %(place)s, by vote") % {"place": proposal.region.name}
    return StageDetail(who, ballot.closes_at if ballot else None)


register_stage_detail(State.VOTING, voting)
