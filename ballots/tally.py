"""Quorum and pass rules as pure functions: numbers in, a verdict out (no database).

    cast        voters who turned in a ballot, online or on paper (abstentions included)
    electorate  the roll snapshotted when the ballot opened
    counts      votes per option key

A yes/no ballot passes when "yes" satisfies the pass rule. In a single- or multiple-choice
ballot every option that satisfies the rule is carried; the ballot "passes" if any is.
Nothing passes when the quorum is not met.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ballots.models import Kind, PassRule


def quorum_met(cast: int, electorate: int, quorum_percent: int) -> bool:
    """Turnout of at least `quorum_percent` % of the electorate (integer arithmetic)."""
    return electorate > 0 and cast * 100 >= quorum_percent * electorate


def satisfies(votes: int, *, cast: int, electorate: int, rule: str) -> bool:
    if votes <= 0:
        return False
    if rule == PassRule.SIMPLE:
        return votes * 2 > cast
    if rule == PassRule.TWO_THIRDS:
        return votes * 3 >= cast * 2
    if rule == PassRule.ELECTORATE:
        return votes * 2 > electorate
    raise ValueError(f"unknown pass rule {rule!r}")


@dataclass(frozen=True)
class Verdict:
    quorum_met: bool
    passed: bool
    carried: list[Hashable] = field(default_factory=list)


def decide(
    *,
    kind: str,
    counts: Mapping[Any, int],
    cast: int,
    electorate: int,
    quorum_percent: int,
    rule: str,
    yes: Hashable = None,
) -> Verdict:
    met = quorum_met(cast, electorate, quorum_percent)
    candidates = [yes] if kind == Kind.YES_NO else list(counts)
    carried = [
        key
        for key in candidates
        if met and satisfies(counts.get(key, 0), cast=cast, electorate=electorate, rule=rule)
    ]
    return Verdict(quorum_met=met, passed=bool(carried), carried=carried)
