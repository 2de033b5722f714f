"""The steps after a decision: publicity (objections until), implementation (who, deadline),
evaluation (residents rate it)."""

from django.utils.translation import gettext as _

from outcomes.queries import for_proposal
from proposals.models import Proposal, State
from proposals.registry import StageDetail, register_stage_detail


def publicity(proposal: Proposal) -> StageDetail:
    outcome = for_proposal(proposal)
    if outcome is None:
        return StageDetail(_("The village committee, publishing the outcome"))
    return StageDetail(_("Residents, who may object"), outcome.objections_until)


def implementing(proposal: Proposal) -> StageDetail:
    outcome = for_proposal(proposal)
    if outcome is None:
        return StageDetail(_("The village committee"))
    return StageDetail(outcome.responsible, outcome.deadline)


def evaluating(proposal: Proposal) -> StageDetail:
    return StageDetail(
        _("Residents of %(place)s, who rate the result") % {"place": proposal.region.name}
    )


register_stage_detail(State.DECIDED, publicity)
register_stage_detail(State.IMPLEMENTING, implementing)
register_stage_detail(State.COMPLETED, evaluating)
