"""Unicode digits and giant numbers in ids answer with a clear error, never a 500."""

import pytest
from django.test import Client

from tests.conftest import World

ODD = ["²", "٣", "9" * 40]


@pytest.mark.parametrize("value", ODD)
def test_the_proposal_api_refuses_odd_filters(world: World, value: str) -> None:
    for query in (f"region={value}", f"category={value}"):
        response = Client().get(f"/api/v1/proposals?{query}")
        assert response.status_code == 422, (query, response.content)


@pytest.mark.parametrize("value", ODD)
def test_the_review_threshold_form_refuses_an_odd_place(world: World, value: str) -> None:
    client = Client()
    client.force_login(world.committee_a)
    response = client.post("/proposals/review/", {"region": value, "threshold": "5"}, follow=True)
    assert response.status_code in {200, 404}
