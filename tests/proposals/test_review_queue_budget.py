"""The committee's review queue runs a fixed number of queries, however long it is."""

from typing import Any

import pytest

from proposals.models import State
from tests.proposals.conftest import login, make_proposal


@pytest.mark.parametrize("rows", [1, 60])
def test_the_review_queue_runs_a_fixed_number_of_queries(
    client: Any, world: Any, rows: int, django_assert_max_num_queries: Any
) -> None:
    for n in range(rows):
        make_proposal(world, State.REVIEWING, title=f"待审议题{n}")
    client = login(client, world.committee_a)
    with django_assert_max_num_queries(12):
        response = client.get("/proposals/review/")
    assert response.status_code == 200
    assert "待审议题0" in response.content.decode()
