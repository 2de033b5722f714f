"""Chinese search: jieba segments of title and text; every query term must match."""

from typing import Any

import pytest

from cms.models import ContentPage
from tests.cms.conftest import Site, article

pytestmark = pytest.mark.django_db


def titles(client: Any, query: str) -> list[str]:
    response = client.get("/content/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


@pytest.fixture
def pages(site: Site) -> None:
    article(site.legal, "邻里纠纷怎么办", "找村人民调解委员会调解，不收费。")
    article(site.legal, "垃圾分类有法可依", "生活垃圾分为四类。")
    article(site.moral, "好家风", "孝老爱亲，邻里和睦。")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("调解", ["邻里纠纷怎么办"]),
        ("垃圾", ["垃圾分类有法可依"]),
        ("邻里", ["好家风", "邻里纠纷怎么办"]),
        ("人民调解", ["邻里纠纷怎么办"]),
        ("邻里 调解", ["邻里纠纷怎么办"]),
        ("垃圾 调解", []),
        ("法院", []),
    ],
)
def test_two_character_words_find_the_pages_that_contain_them(
    client: Any, pages: None, query: str, expected: list[str]
) -> None:
    assert sorted(titles(client, query)) == sorted(expected)


def test_drafts_are_not_found(client: Any, site: Site) -> None:
    page = article(site.legal, "调解草稿", "调解")
    page.unpublish()
    assert titles(client, "调解") == []


def test_an_empty_or_punctuation_query_shows_a_hint(client: Any, pages: None) -> None:
    for query in ("", "，。！", "   "):
        response = client.get("/content/", {"q": query})
        assert response.status_code == 200
        assert response.context["results"] is None
        assert "输入要找的词" in response.content.decode()


def test_a_very_long_query_is_cut_not_an_error(client: Any, pages: None) -> None:
    assert client.get("/content/", {"q": "调解" * 500}).status_code == 200


def test_the_segments_are_refreshed_when_a_page_is_edited(site: Site) -> None:
    page = article(site.legal, "旧标题", "旧内容")
    page.title = "宅基地纠纷"
    page.save_revision().publish()
    assert "宅基地" in ContentPage.objects.get(pk=page.pk).search_terms


@pytest.mark.parametrize("count", [1, 30])
def test_the_search_page_costs_the_same_queries_for_1_or_many_results(
    client: Any, site: Site, django_assert_max_num_queries: Any, count: int
) -> None:
    for i in range(count):
        article(site.legal, f"调解案例{i}", "调解")
    client.get("/content/", {"q": "调解"})  # warm the site root cache
    with django_assert_max_num_queries(8):
        response = client.get("/content/", {"q": "调解"})
    assert response.context["results"].paginator.count == count
