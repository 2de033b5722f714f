"""What higher apps add to a proposal's API detail, without proposals importing them.

Ballots and outcomes sit above proposals in the layers, yet the detail answer names the
matter's ballot and outcome. Each registers a one-query reader here from its AppConfig.ready;
proposals.api calls whatever is registered.
"""

from collections.abc import Callable
from typing import Any

DetailField = Callable[[Any], Any]

_detail_fields: dict[str, DetailField] = {}


def register_detail_field(name: str, reader: DetailField) -> None:
    """`reader(proposal)` gives the value of `name` in GET /api/v1/proposals/{id}."""
    _detail_fields[name] = reader


def detail_fields(proposal: Any) -> dict[str, Any]:
    return {name: reader(proposal) for name, reader in _detail_fields.items()}
