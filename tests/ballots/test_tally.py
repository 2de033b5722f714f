"""The quorum and pass rules, table-driven: quorum met/unmet × each pass rule × each kind."""

import pytest

from ballots.models import Kind, PassRule
from ballots.tally import decide, quorum_met, satisfies

S, T, E = PassRule.SIMPLE, PassRule.TWO_THIRDS, PassRule.ELECTORATE


@pytest.mark.parametrize(
    ("cast", "electorate", "percent", "met"),
    [
        (50, 100, 50, True),
        (49, 100, 50, False),
        (0, 0, 0, False),  # nobody on the roll: never a quorum
        (0, 10, 0, True),
        (1, 3, 34, False),
        (2, 3, 66, True),
        (100, 100, 100, True),
    ],
)
def test_quorum_is_a_share_of_the_electorate(cast, electorate, percent, met):
    assert quorum_met(cast, electorate, percent) is met


@pytest.mark.parametrize(
    ("votes", "cast", "electorate", "rule", "ok"),
    [
        (6, 10, 20, S, True),
        (5, 10, 20, S, False),  # a tie is not a majority
        (7, 10, 20, T, True),
        (6, 9, 20, T, True),  # exactly two thirds
        (6, 10, 20, T, False),
        (11, 12, 20, E, True),
        (10, 12, 20, E, False),  # half the electorate is not a majority of it
        (0, 0, 20, S, False),
    ],
)
def test_each_pass_rule(votes, cast, electorate, rule, ok):
    assert satisfies(votes, cast=cast, electorate=electorate, rule=rule) is ok


YES, NO, ABSTAIN = "yes", "no", "abstain"

# (kind, counts, cast, electorate, quorum %, rule) -> (quorum met, passed, carried)
CASES = [
    # yes/no: abstentions count as cast, so they make a simple majority harder.
    (Kind.YES_NO, {YES: 6, NO: 3, ABSTAIN: 1}, 10, 20, 50, S, (True, True, [YES])),
    (Kind.YES_NO, {YES: 5, NO: 3, ABSTAIN: 2}, 10, 20, 50, S, (True, False, [])),
    (Kind.YES_NO, {YES: 6, NO: 3, ABSTAIN: 1}, 10, 20, 60, S, (False, False, [])),
    (Kind.YES_NO, {YES: 7, NO: 3}, 10, 20, 50, T, (True, True, [YES])),
    (Kind.YES_NO, {YES: 6, NO: 4}, 10, 20, 50, T, (True, False, [])),
    (Kind.YES_NO, {YES: 7, NO: 3}, 10, 20, 60, T, (False, False, [])),
    (Kind.YES_NO, {YES: 11, NO: 1}, 12, 20, 50, E, (True, True, [YES])),
    (Kind.YES_NO, {YES: 10, NO: 2}, 12, 20, 50, E, (True, False, [])),
    (Kind.YES_NO, {YES: 11, NO: 1}, 12, 20, 70, E, (False, False, [])),
    # single choice: the option with the required share is carried.
    (Kind.SINGLE, {"a": 6, "b": 4}, 10, 20, 50, S, (True, True, ["a"])),
    (Kind.SINGLE, {"a": 5, "b": 5}, 10, 20, 50, S, (True, False, [])),
    (Kind.SINGLE, {"a": 6, "b": 4}, 10, 20, 55, S, (False, False, [])),
    (Kind.SINGLE, {"a": 7, "b": 3}, 10, 20, 50, T, (True, True, ["a"])),
    (Kind.SINGLE, {"a": 6, "b": 4}, 10, 20, 50, T, (True, False, [])),
    (Kind.SINGLE, {"a": 7, "b": 3}, 10, 20, 51, T, (False, False, [])),
    (Kind.SINGLE, {"a": 11, "b": 1}, 12, 20, 50, E, (True, True, ["a"])),
    (Kind.SINGLE, {"a": 9, "b": 3}, 12, 20, 50, E, (True, False, [])),
    (Kind.SINGLE, {"a": 11, "b": 1}, 12, 20, 61, E, (False, False, [])),
    # multiple choice: every option with the required share is carried.
    (Kind.MULTIPLE, {"a": 8, "b": 6, "c": 2}, 10, 20, 50, S, (True, True, ["a", "b"])),
    (Kind.MULTIPLE, {"a": 5, "b": 5, "c": 5}, 10, 20, 50, S, (True, False, [])),
    (Kind.MULTIPLE, {"a": 8, "b": 6}, 10, 20, 51, S, (False, False, [])),
    (Kind.MULTIPLE, {"a": 7, "b": 6}, 10, 20, 50, T, (True, True, ["a"])),
    (Kind.MULTIPLE, {"a": 7, "b": 6}, 10, 20, 51, T, (False, False, [])),
    (Kind.MULTIPLE, {"a": 11, "b": 11, "c": 1}, 12, 20, 50, E, (True, True, ["a", "b"])),
    (Kind.MULTIPLE, {"a": 10, "b": 9}, 12, 20, 50, E, (True, False, [])),
    (Kind.MULTIPLE, {"a": 11}, 12, 20, 65, E, (False, False, [])),
]


@pytest.mark.parametrize(("kind", "counts", "cast", "electorate", "quorum", "rule", "want"), CASES)
def test_the_verdict(kind, counts, cast, electorate, quorum, rule, want):
    verdict = decide(
        kind=kind,
        counts=counts,
        cast=cast,
        electorate=electorate,
        quorum_percent=quorum,
        rule=rule,
        yes=YES,
    )
    assert (verdict.quorum_met, verdict.passed, verdict.carried) == want


def test_every_rule_and_kind_is_covered_with_quorum_met_and_unmet():
    seen = {(kind, rule, want[0]) for kind, _c, _n, _e, _q, rule, want in CASES}
    assert seen == {(k, r, m) for k in Kind.values for r in PassRule.values for m in (True, False)}


def test_an_unknown_rule_is_a_programming_error():
    with pytest.raises(ValueError):
        satisfies(1, cast=1, electorate=1, rule="coin_toss")
