"""Unicode digits and giant numbers in a room's query and forms never cause a 500."""

from typing import Any

import pytest
from django.test import Client

ODD = ["²", "٣", "9" * 40]


@pytest.mark.parametrize("value", ODD)
def test_the_room_page_ignores_an_odd_before(world: Any, value: str, deliberating: Any) -> None:
    response = Client().get(f"/proposals/{deliberating.pk}/room/?before={value}")
    assert response.status_code == 200
