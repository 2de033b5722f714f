"""Every page type is created through the Wagtail admin with nested form data, sits only
where it belongs, and renders each of its blocks."""

from typing import Any

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import (
    ArticlePage,
    ExemplarPage,
    HomePage,
    LegalQAPage,
    SectionIndexPage,
    VillageRulesIndexPage,
    VillageRulesPage,
)
from tests.cms.conftest import Site

pytestmark = pytest.mark.django_db


def add_url(model: type[Page], parent: Page) -> str:
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def post_page(client: Any, model: type[Page], parent: Page, data: dict[str, Any]) -> Any:
    data = {**data, "action-publish": "action-publish"}
    return client.post(add_url(model, parent), nested_form_data(data))


def article_form(title: str = "邻里纠纷怎么办") -> dict[str, Any]:
    return {
        "title": title,
        "slug": "linli",
        "summary": "调解免费又管用",
        "body": streamfield(
            [
                ("heading", {"text": "什么是人民调解", "size": "h2"}),
                ("paragraph", rich_text("<p>人民调解<b>不收费</b>。</p>")),
                ("quote", {"text": "家和万事兴", "source": "俗语"}),
            ]
        ),
        "tags": "调解, 邻里",
    }


def test_an_admin_creates_and_publishes_an_article(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.admin)
    response = post_page(client, ArticlePage, site.legal, article_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ArticlePage.objects.get(slug="linli")
    assert page.live
    assert page.revisions.count() == 1
    assert sorted(t.name for t in page.tags.all()) == ["调解", "邻里"]
    html = client.get(page.url).content.decode()
    assert '<h2 class="block-heading">什么是人民调解</h2>' in html
    assert "<b>不收费</b>" in html
    assert "家和万事兴" in html


def test_an_admin_creates_every_other_page_type(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.admin)
    forms: list[tuple[type[Page], Page, dict[str, Any]]] = [
        (SectionIndexPage, site.home, {"title": "公告", "slug": "notices", "kind": "notice"}),
        (
            ExemplarPage,
            site.moral,
            {
                "title": "好人李建国",
                "slug": "li",
                "person": "李建国",
                "honour": "good_deeds",
                "village": world.village_a.pk,
                "story": rich_text("<p>十年照顾孤寡老人。</p>"),
            },
        ),
        (
            LegalQAPage,
            site.legal,
            {
                "title": "法律问答",
                "slug": "qa",
                "questions": streamfield(
                    [
                        (
                            "qa",
                            {"question": "调解要钱吗？", "answer": rich_text("<p>不要钱。</p>")},
                        ),
                    ]
                ),
            },
        ),
        (
            VillageRulesPage,
            site.rules,
            {
                "title": "村A村规民约",
                "slug": "cun-a",
                "village": world.village_a.pk,
                "version_label": "2026年版",
                "body": streamfield([("paragraph", rich_text("<p>第一条 邻里和睦。</p>"))]),
            },
        ),
    ]
    for model, parent, data in forms:
        response = post_page(client, model, parent, data)
        assert response.status_code == 302, (model, response.content.decode()[:2000])
        page = model.objects.get(slug=data["slug"])
        assert page.live
        assert client.get(page.url).status_code == 200


def test_a_second_home_page_or_rules_index_cannot_be_created(
    client: Any, site: Site, world: Any
) -> None:
    assert not HomePage.can_create_at(Page.get_first_root_node())
    assert not VillageRulesIndexPage.can_create_at(site.home)


@pytest.mark.parametrize(
    ("child", "allowed_parents"),
    [
        (SectionIndexPage, {HomePage}),
        (VillageRulesIndexPage, {HomePage}),
        (ArticlePage, {SectionIndexPage}),
        (ExemplarPage, {SectionIndexPage}),
        (LegalQAPage, {SectionIndexPage}),
        (VillageRulesPage, {VillageRulesIndexPage}),
    ],
)
def test_each_page_type_lives_only_under_its_parents(
    child: type[Page], allowed_parents: set[type[Page]]
) -> None:
    assert set(child.allowed_parent_page_models()) == allowed_parents


def test_content_pages_have_no_children_and_the_base_type_is_not_offered() -> None:
    for model in (ArticlePage, ExemplarPage, LegalQAPage, VillageRulesPage):
        assert model.allowed_subpage_models() == []
    from cms.models import ContentPage

    assert not ContentPage.is_creatable


def test_invalid_streamfield_data_is_refused_and_nothing_is_saved(
    client: Any, site: Site, world: Any
) -> None:
    client.force_login(world.admin)
    data = article_form()
    data["body"] = streamfield([("heading", {"text": "", "size": "h9"})])
    response = post_page(client, ArticlePage, site.legal, data)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert any("validation errors" in str(m) for m in response.context["messages"])
    assert not ArticlePage.objects.filter(slug="linli").exists()


def test_the_page_editor_only_offers_the_allowed_rich_text_features(
    client: Any, site: Site, world: Any
) -> None:
    client.force_login(world.admin)
    html = client.get(add_url(ArticlePage, site.legal)).content.decode()
    assert "h1" not in {f for f in ("h1",) if '"type": "header-one"' in html}
    from cms.blocks import RICH_TEXT_FEATURES

    assert RICH_TEXT_FEATURES == ["bold", "italic", "ol", "ul", "link", "document-link"]
    assert "embed" not in RICH_TEXT_FEATURES and "image" not in RICH_TEXT_FEATURES


def test_inline_featured_content_on_the_home_page_is_saved(
    client: Any, site: Site, world: Any
) -> None:
    from tests.cms.conftest import article

    picked = article(site.legal, "人民调解十问", "调解")
    client.force_login(world.admin)
    url = reverse("wagtailadmin_pages:edit", args=[site.home.pk])
    data = nested_form_data(
        {
            "title": site.home.title,
            "slug": site.home.slug,
            "intro": "大家商量着办",
            "featured": inline_formset([{"content": picked.pk}]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    home = HomePage.objects.get(pk=site.home.pk)
    assert [f.content_id for f in home.featured.all()] == [picked.pk]
    assert "人民调解十问" in client.get("/").content.decode()
