import pytest
from django.core.exceptions import ValidationError

from accounts.phones import mask_phone, normalize_phone


@pytest.mark.parametrize(
    "typed",
    [
        "13800000001",
        "138 0000 0001",
        "138-0000-0001",
        "+8613800000001",
        "+86 138 0000 0001",
        "008613800000001",
    ],
)
def test_it_stores_what_people_type_as_e164(typed: str) -> None:
    assert normalize_phone(typed) == "+8613800000001"


@pytest.mark.parametrize(
    "typed", ["", "12345", "1380000000", "abcdefghijk", "+86 999", "23800000001"]
)
def test_it_refuses_what_is_not_a_phone_number(typed: str) -> None:
    with pytest.raises(ValidationError):
        normalize_phone(typed)


def test_it_masks_the_middle_of_a_number() -> None:
    assert mask_phone("+8613800000001") == "138****0001"


@pytest.mark.parametrize(
    "typed", ["+1 202 555 0123", "010 6552 9988", "+852 6123 4567", "+44 7911 123456"]
)
def test_only_mainland_mobile_numbers_can_receive_codes(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalize_phone(typed)
    assert error.value.code in {"not_mobile", "invalid"}
