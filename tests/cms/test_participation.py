"""Content pages show participation through cms/participation.py: public matters only."""

from typing import Any

import pytest
from django.core.management import call_command

from accounts.models import Region
from cms import participation
from cms.models import ArticlePage
from cms.village import SESSION_KEY

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


def test_the_home_page_lists_published_outcomes_of_the_chosen_village(
    client: Any, demo: None
) -> None:
    village_a = Region.objects.get(name="幸福村")
    outcomes = participation.latest_outcomes(village_a, limit=5)
    assert outcomes and all(o.proposal.region_id == village_a.pk for o in outcomes)
    assert participation.latest_outcomes(Region.objects.get(name="永安村")) == []
    session = client.session
    session[SESSION_KEY] = village_a.pk
    session.save()
    page = client.get("/", HTTP_HOST="localhost").content.decode()
    assert outcomes[0].proposal.title in page
    assert f'href="{outcomes[0].get_absolute_url()}"' in page


def test_an_outcome_link_is_found_only_when_it_exists(demo: None) -> None:
    outcome = participation.latest_outcomes(None, limit=1)[0]
    assert participation.outcome_link(outcome.pk) == outcome
    assert participation.outcome_link(999999) is None
    assert participation.outcome_link(None) is None
    assert participation.proposals_related_to([], [], limit=5) == []


def test_an_article_lists_the_matters_of_its_category(client: Any, demo: None) -> None:
    page = ArticlePage.objects.get(slug="renmin-tiaojie")
    assert page.category is not None and page.category.name == "矛盾纠纷"
    related = client.get(page.url, HTTP_HOST="localhost").context["related_proposals"]
    assert related and all(p.category.name == "矛盾纠纷" for p in related)


def test_a_private_featured_page_never_shows_on_the_home_page(client: Any, demo: None) -> None:
    from wagtail.models import PageViewRestriction

    from cms.models import HomePage, HomePageFeatured

    article = ArticlePage.objects.live().first()
    assert article is not None
    HomePageFeatured.objects.create(page=HomePage.objects.get(), content=article)
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    page = client.get("/", HTTP_HOST="localhost").content.decode()
    assert article.title not in page
