"""Links in editor rich text are checked on the server: javascript: and data: links are
refused with a message and nothing is saved; resident-facing text is never rich text."""

import json
from typing import Any

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ArticlePage, ExemplarPage
from tests.cms.conftest import Site, article

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


@pytest.mark.parametrize("url", UNSAFE)
def test_an_unsafe_link_in_an_article_block_is_refused(
    client: Any, site: Site, world: Any, url: str
) -> None:
    client.force_login(world.admin)
    data = nested_form_data(
        {
            "title": "坏链接",
            "slug": "bad",
            "body": streamfield([("paragraph", linked(url))]),
            "action-publish": "action-publish",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", site.legal.pk])
    response = client.post(add, data)
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
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "改过的标题",
            "slug": page.slug,
            "body": streamfield([("paragraph", linked("javascript:alert(1)"))]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(edit, data)
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.title == "原来的文章"
    assert page.revisions.count() == 1


def test_an_exemplar_story_with_a_data_link_is_refused(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.admin)
    data = nested_form_data(
        {
            "title": "好人",
            "slug": "good",
            "person": "李建国",
            "honour": "good_deeds",
            "story": linked("data:text/html,<script>alert(1)</script>"),
            "action-publish": "action-publish",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["cms", "exemplarpage", site.moral.pk])
    response = client.post(add, data)
    assert response.status_code == 200
    assert not ExemplarPage.objects.filter(slug="good").exists()


@pytest.mark.parametrize(
    "url", ["https://www.gov.cn/", "mailto:sfs@example.cn", "tel:12348", "/fazhi/", "#q1"]
)
def test_web_mail_phone_and_site_links_are_kept(
    client: Any, site: Site, world: Any, url: str
) -> None:
    client.force_login(world.admin)
    data = nested_form_data(
        {
            "title": "好链接",
            "slug": "good-link",
            "body": streamfield([("paragraph", linked(url))]),
            "action-publish": "action-publish",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", site.legal.pk])
    assert client.post(add, data).status_code == 302
    page = ArticlePage.objects.get(slug="good-link")
    assert f'href="{url}"' in client.get(page.url).content.decode()


def test_raw_html_outside_the_feature_list_is_dropped(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.admin)
    data = nested_form_data(
        {
            "title": "标题",
            "slug": "h1",
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text('<h1>大标题</h1><p onclick="x()">正文<script>x()</script></p>'),
                    ),
                ]
            ),
            "action-publish": "action-publish",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", site.legal.pk])
    assert client.post(add, data).status_code == 302
    html = client.get(ArticlePage.objects.get(slug="h1").url).content.decode()
    assert "<h1>大标题</h1>" not in html and "onclick" not in html and "<script>x()" not in html
