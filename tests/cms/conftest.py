"""A small content site: the home page, the sections, the rules index, the workflow."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data

from cms import editorial
from cms.models import (
    ArticlePage,
    HomePage,
    SectionIndexPage,
    SectionKind,
    VillageRulesIndexPage,
    VillageRulesPage,
)
from cms.setup import ensure_home_page, publish_child, section
from tests.factories import UserFactory


@dataclass
class Site:
    home: HomePage
    legal: SectionIndexPage
    moral: SectionIndexPage
    rules: VillageRulesIndexPage

    def refresh(self, page: Page) -> Any:
        return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def site(db: None) -> Site:
    home = ensure_home_page()
    legal = section(home, "fazhi", "法治", SectionKind.LEGAL, "学法懂法用法")
    moral = section(home, "dezhi", "德治", SectionKind.MORAL, "好家风好邻里")
    rules = publish_child(home, VillageRulesIndexPage(title="村规民约", slug="rules"))
    editorial.ensure_editorial_setup()
    return Site(home=home, legal=legal, moral=moral, rules=rules)  # type: ignore[arg-type]


@pytest.fixture
def moderator(site: Site) -> Any:
    """A member of 宣传审核, who approves what editors submit."""
    user = UserFactory(display_name="审核员")
    user.groups.add(Group.objects.get(name=editorial.MODERATORS))
    return user


def article(
    parent: Page,
    title: str,
    text: str = "",
    *,
    tags: tuple[str, ...] = (),
    regions: tuple[Any, ...] = (),
    **fields: Any,
) -> ArticlePage:
    """A published article (through Wagtail's API, like the demo)."""
    fields.setdefault("slug", f"a{Page.objects.count() + 1}")
    page = ArticlePage(title=title, body=[("paragraph", RichText(f"<p>{text}</p>"))], **fields)
    return publish_child(parent, page, tags=tags, regions=regions)  # type: ignore[return-value]


def rules_page(site: Site, village: Any, title: str = "村规民约") -> VillageRulesPage:
    page = VillageRulesPage(
        title=title,
        slug=f"rules-{village.pk}",
        village=village,
        body=[("paragraph", RichText("<p>第一条 邻里和睦。</p>"))],
    )
    return publish_child(site.rules, page)  # type: ignore[return-value]


def admin_post(
    client: Any,
    page_or_parent: Page,
    fields: dict[str, Any],
    *,
    action: str = "action-publish",
    model: type[Page] | None = None,
    follow: bool = False,
) -> Any:
    """Post the admin's page form: create a `model` under a parent, or edit a page."""
    if model is None:
        url = reverse("wagtailadmin_pages:edit", args=[page_or_parent.pk])
    else:
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, page_or_parent.pk],
        )
    return client.post(url, nested_form_data({**fields, action: action}), follow=follow)
