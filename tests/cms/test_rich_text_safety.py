"""Links in editor rich text are checked on the server: javascript: and data: links are
refused with a message and nothing is saved; resident-facing text is never rich text."""

import json
from typing import Any

import pytest
from wagtail.test.utils.form_data import rich_text, streamfield

from cms.models import ArticlePage, ExemplarPage
from tests.cms.conftest import Site, admin_post, article

pytestmark = pytest.mark.django_db


def linked(url: str, text: str = "点这里") -> str:
    """Draftail editor state with one link, as the admin's editor posts it."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


UNSAFE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]


def publish_article(client: Any, site: Site, slug: str, paragraph: str) -> Any:
    fields = {"title": "文章", "slug": slug, "body": streamfield([("paragraph", paragraph)])}
    return admin_post(client, site.legal, fields, model=ArticlePage)


@pytest.mark.parametrize("url", UNSAFE)
def test_an_unsafe_link_in_an_article_block_is_refused(
    client: Any, site: Site, world: Any, url: str
) -> None:
    client.force_login(world.admin)
    response = publish_article(client, site, "bad", linked(url))
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].non_field_errors())
    assert "链接只能" in errors
    assert "链接只能" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="bad").exists()


def test_an_unsafe_link_in_a_rich_text_field_is_refused_on_edit(
    client: Any, site: Site, world: Any
) -> None:
    page = article(site.moral, "原来的文章", "原文")
    client.force_login(world.admin)
    fields = {
        "title": "改过的标题",
        "slug": page.slug,
        "body": streamfield([("paragraph", linked("javascript:alert(1)"))]),
    }
    assert admin_post(client, page, fields).status_code == 200
    page.refresh_from_db()
    assert page.title == "原来的文章"
    assert page.revisions.count() == 1


def test_an_exemplar_story_with_a_data_link_is_refused(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.admin)
    fields = {
        "title": "好人",
        "slug": "good",
        "person": "李建国",
        "honour": "good_deeds",
        "story": linked("data:text/html,<script>alert(1)</script>"),
    }
    assert admin_post(client, site.moral, fields, model=ExemplarPage).status_code == 200
    assert not ExemplarPage.objects.filter(slug="good").exists()


@pytest.mark.parametrize(
    "url", ["https://www.gov.cn/", "mailto:sfs@example.cn", "tel:12348", "/fazhi/", "#q1"]
)
def test_web_mail_phone_and_site_links_are_kept(
    client: Any, site: Site, world: Any, url: str
) -> None:
    client.force_login(world.admin)
    assert publish_article(client, site, "good-link", linked(url)).status_code == 302
    page = ArticlePage.objects.get(slug="good-link")
    assert f'href="{url}"' in client.get(page.url).content.decode()


def test_raw_html_outside_the_feature_list_is_dropped(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.admin)
    html = '<h1>大标题</h1><p onclick="x()">正文<script>x()</script></p>'
    assert publish_article(client, site, "h1", rich_text(html)).status_code == 302
    page_html = client.get(ArticlePage.objects.get(slug="h1").url).content.decode()
    body = page_html.split('class="article-body"')[1]
    assert "<h1>大标题</h1>" not in body and "onclick" not in body and "<script>x()" not in body
