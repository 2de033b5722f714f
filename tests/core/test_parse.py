import pytest

from core.parse import as_id


@pytest.mark.parametrize(
    "value, expected", [("7", 7), (" 42 ", 42), (3, 3), ("0", None), (0, None)]
)
def test_it_reads_plain_positive_numbers(value: object, expected: int | None) -> None:
    assert as_id(value) == expected


@pytest.mark.parametrize(
    "value", ["²", "٣", "１", "-1", "1e5", "1.0", "", None, True, [], "9" * 30, 10**30, "0x1f"]
)
def test_it_refuses_what_is_not_a_plain_id(value: object) -> None:
    assert as_id(value) is None
