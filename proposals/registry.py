"""What higher apps add to a proposal's API detail, without proposals importing them.

Ballots and outcomes sit above proposals in the layers, yet the detail answer names the
matter's ballot and outcome. Each registers a one-query reader here from its AppConfig.ready;
proposals.api calls whatever is registered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

DetailField = Callable[[Any], Any]

_detail_fields: dict[str, DetailField] = {}


def register_detail_field(name: str, reader: DetailField) -> None:
    """`reader(proposal)` gives the value of `name` in GET /api/v1/proposals/{id}."""
    _detail_fields[name] = reader


def detail_fields(proposal: Any) -> dict[str, Any]:
    return {name: reader(proposal) for name, reader in _detail_fields.items()}


# --- Where a matter stands: who handles the current step, and by when -----------------


@dataclass(frozen=True)
class StageDetail:
    who: str  # translated: "村（居）委会", "区住建局", "全体村民"…
    due: datetime | date | None = None


StageReader = Callable[[Any], StageDetail | None]

_stage_details: dict[str, StageReader] = {}


def register_stage_detail(state: str, reader: StageReader) -> None:
    """`reader(proposal)` says who handles a matter in `state` and by when (a higher app
    knows: the ballot's closing time, the outcome's deadline…)."""
    _stage_details[state] = reader


def stage_detail(proposal: Any) -> StageDetail | None:
    reader = _stage_details.get(proposal.state)
    return reader(proposal) if reader else None
