"""The front page: the visitor's village, matters and outcomes near it, featured content."""

from typing import Any

import pytest

from tests.cms.conftest import Site, article

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_real_empty_states_without_matters(client: Any, site: Site) -> None:
    html = client.get("/").content.decode()
    assert "这里还没有人提出议题。" in html
    assert "还没有公示的结果。" in html


def test_choosing_a_village_is_remembered_and_shown(client: Any, site: Site, world: Any) -> None:
    response = client.post("/content/", {"village": world.village_a.pk, "next": "/"}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert response.context["village"] == world.village_a
    html = response.content.decode()
    assert "村A 最新议题" in html
    assert "现在显示 村A 身边的内容。" in html
    assert client.get("/").context["village"] == world.village_a


@pytest.mark.parametrize("bad", ["abc", "999999", "-1"])
def test_a_place_that_is_not_a_village_is_refused_with_a_message(
    client: Any, site: Site, world: Any, bad: str
) -> None:
    response = client.post("/content/", {"village": bad, "next": "/"}, follow=True)
    assert "请从列表中选择一个村或社区。" in response.content.decode()
    assert response.context["village"] is None


def test_a_township_cannot_be_chosen_as_a_village(client: Any, site: Site, world: Any) -> None:
    response = client.post("/content/", {"village": world.township.pk}, follow=True)
    assert response.context["village"] is None


def test_the_next_address_must_stay_on_the_site(client: Any, site: Site, world: Any) -> None:
    response = client.post(
        "/content/", {"village": world.village_a.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_clearing_the_choice_shows_every_place(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.resident_a)
    assert client.get("/").context["village"] == world.village_a
    client.post("/content/", {"village": ""})
    assert client.get("/").context["village"] is None


def test_featured_content_falls_back_to_the_newest_for_the_village(
    client: Any, site: Site, world: Any
) -> None:
    article(site.legal, "村A新文章", regions=(world.village_a,))
    article(site.legal, "村B新文章", regions=(world.village_b,))
    client.post("/content/", {"village": world.village_a.pk})
    featured = [p.title for p in client.get("/").context["featured"]]
    assert featured == ["村A新文章"]


def test_the_home_page_shows_what_is_waiting_for_the_signed_in_person(
    client: Any, site: Site, world: Any
) -> None:
    from proposals.models import State
    from tests.proposals.conftest import make_proposal

    make_proposal(world, State.REVIEWING)
    assert "todo-card" not in client.get("/").content.decode()  # nothing for visitors
    client.force_login(world.committee_a)
    html = client.get("/").content.decode()
    assert "待办" in html and 'data-todo="review"' in html
    assert "有 1 个议题等您审核" in html


def test_editors_find_the_content_admin_from_the_home_page(
    client: Any, site: Site, world: Any
) -> None:
    client.force_login(world.resident_a)
    assert 'href="/admin/"' not in client.get("/").content.decode()
    client.force_login(world.editor)
    assert 'href="/admin/"' in client.get("/").content.decode()
