"""A village's listings show content meant for it, for the places above it, and for all."""

from typing import Any

import pytest

from tests.cms.conftest import Site, article

pytestmark = pytest.mark.django_db


@pytest.fixture
def targeted(site: Site, world: Any) -> None:
    article(site.legal, "全市普法", regions=(world.regions["city"],))
    article(site.legal, "街道通知", regions=(world.township,))
    article(site.legal, "村A专题", regions=(world.village_a,))
    article(site.legal, "村B专题", regions=(world.village_b,))
    article(site.legal, "另一街道", regions=(world.regions["other_township"],))
    article(site.legal, "人人都看")


def listed(client: Any, site: Site) -> set[str]:
    response = client.get(site.legal.url)
    assert response.status_code == 200
    return {page.title for page in response.context["items"]}


def choose(client: Any, region: Any) -> None:
    client.post("/content/", {"village": region.pk if region else "", "next": "/"})


def test_village_a_sees_its_content_and_the_places_above(
    client: Any, site: Site, world: Any, targeted: None
) -> None:
    choose(client, world.village_a)
    assert listed(client, site) == {"全市普法", "街道通知", "村A专题", "人人都看"}


def test_village_b_does_not_see_village_as_content(
    client: Any, site: Site, world: Any, targeted: None
) -> None:
    choose(client, world.village_b)
    assert listed(client, site) == {"全市普法", "街道通知", "村B专题", "人人都看"}


def test_without_a_chosen_village_everything_is_listed(
    client: Any, site: Site, targeted: None
) -> None:
    assert len(listed(client, site)) == 6


def test_a_signed_in_resident_defaults_to_their_own_village(
    client: Any, site: Site, world: Any, targeted: None
) -> None:
    client.force_login(world.resident_b)
    assert "村B专题" in listed(client, site) and "村A专题" not in listed(client, site)


def test_the_content_index_lists_the_latest_for_the_village(
    client: Any, site: Site, world: Any, targeted: None
) -> None:
    choose(client, world.village_a)
    latest = {p.title for p in client.get("/content/").context["latest"]}
    assert "村A专题" in latest and "村B专题" not in latest


@pytest.mark.parametrize("count", [1, 40])
def test_the_section_listing_costs_the_same_queries_for_1_or_many_pages(
    client: Any, site: Site, world: Any, django_assert_max_num_queries: Any, count: int
) -> None:
    for i in range(count):
        article(site.legal, f"文章{i}", regions=(world.village_a,), tags=("调解",))
    choose(client, world.village_a)
    client.get(site.legal.url)
    with django_assert_max_num_queries(12):
        response = client.get(site.legal.url)
    assert len(response.context["items"]) == min(count, 20)
