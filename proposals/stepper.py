"""The matter's stepper: 提出 → 附议 → 审核 → 协商 → 表决 → 公示 → 落实 → 评议.

Each main state is one step; side exits (not accepted, merged, withdrawn) stop the stepper
where the matter left it. Who handles the current step, and by when, comes from this app for
its own steps and from the app that owns the step otherwise (proposals.registry).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from proposals.models import Proposal, State
from proposals.registry import StageDetail, register_stage_detail, stage_detail

STEPS: list[tuple[State, Any]] = [
    (State.DRAFT, gettext_lazy("Raised")),
    (State.COLLECTING, gettext_lazy("Co-signing")),
    (State.REVIEWING, gettext_lazy("Review")),
    (State.DELIBERATING, gettext_lazy("Deliberation")),
    (State.VOTING, gettext_lazy("Vote")),
    (State.DECIDED, gettext_lazy("Publicity")),
    (State.IMPLEMENTING, gettext_lazy("Implementation")),
    (State.COMPLETED, gettext_lazy("Evaluation")),
]
ORDER = [state for state, _label in STEPS]

# Where each side exit leaves the stepper: the last step the matter reached.
STOPPED_AT = {State.REJECTED: State.REVIEWING, State.MERGED: State.REVIEWING}


@dataclass(frozen=True)
class Step:
    label: str
    status: str  # "done", "current", "todo", "stopped"


@dataclass(frozen=True)
class Stepper:
    steps: list[Step]
    detail: StageDetail | None
    stopped: bool

    @property
    def due(self) -> str:
        """The current step's time limit as people read it: a day, or a day and a time."""
        due = self.detail.due if self.detail else None
        if isinstance(due, datetime):
            return timezone.localtime(due).strftime("%Y-%m-%d %H:%M")
        return due.strftime("%Y-%m-%d") if due else ""


def _stop_index(proposal: Proposal) -> int:
    if proposal.state == State.WITHDRAWN:
        return ORDER.index(State.COLLECTING if proposal.submitted_at else State.DRAFT)
    return ORDER.index(STOPPED_AT.get(State(proposal.state), State.REVIEWING))


def stepper_for(proposal: Proposal) -> Stepper:
    stopped = proposal.state not in ORDER
    current = _stop_index(proposal) if stopped else ORDER.index(State(proposal.state))
    steps = []
    for index, (_state, label) in enumerate(STEPS):
        if index < current:
            status = "done"
        elif index == current:
            status = "stopped" if stopped else "current"
        else:
            status = "todo"
        steps.append(Step(str(label), status))
    return Stepper(steps, None if stopped else stage_detail(proposal), stopped)


def _committee(proposal: Proposal) -> StageDetail:
    return StageDetail(_("The village committee"))


def _residents(proposal: Proposal) -> StageDetail:
    return StageDetail(_("Residents of %(place)s") % {"place": proposal.region.name})


def _author(proposal: Proposal) -> StageDetail:
    return StageDetail(_("The author"))


register_stage_detail(State.DRAFT, _author)
register_stage_detail(State.COLLECTING, _residents)
register_stage_detail(State.REVIEWING, _committee)
register_stage_detail(State.DELIBERATING, _committee)
