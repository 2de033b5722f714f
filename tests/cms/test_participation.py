"""Content pages show participation through cms/participation.py: public matters only."""

from typing import Any

import pytest
from django.core.management import call_command

from accounts.models import Region
from cms import participation
from cms.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_home_page_lists_public_matters_of_the_chosen_village(client: Any, demo: None) -> None:
    village_a = Region.objects.get(name="幸福村")
    village_b = Region.objects.get(name="和睦村")
    client.post("/content/", {"village": village_a.pk}, HTTP_HOST="localhost")
    proposals = client.get("/", HTTP_HOST="localhost").context["proposals"]
    assert proposals and all(p.region_id == village_a.pk for p in proposals)
    assert all(p.submitted_at is not None for p in proposals)
    assert not any(p.region_id == village_b.pk for p in proposals)


def test_hooks_answer_nothing_for_outcomes_until_consult_has_them(world: Any) -> None:
    assert participation.latest_outcomes(None, limit=5) == []
    assert participation.outcome_link(1) is None
    assert participation.proposals_related_to([], [], limit=5) == []


def test_an_article_lists_the_matters_of_its_category(client: Any, demo: None) -> None:
    page = ArticlePage.objects.get(slug="renmin-tiaojie")
    assert page.category is not None and page.category.name == "矛盾纠纷"
    related = client.get(page.url, HTTP_HOST="localhost").context["related_proposals"]
    assert related and all(p.category.name == "矛盾纠纷" for p in related)
