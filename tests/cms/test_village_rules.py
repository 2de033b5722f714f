"""A village committee edits its own village's rules page, and no other; the rights
follow the committee memberships."""

from typing import Any

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.actions import grant_membership, revoke_membership
from accounts.models import Role
from cms.models import VillageRulesPage
from core.models import AuditEntry
from tests.cms.conftest import Site, rules_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def edit_form(page: VillageRulesPage, title: str) -> dict[str, Any]:
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "village": page.village_id,
            "body": streamfield([("paragraph", rich_text("<p>第一条 修订后的条文。</p>"))]),
            "action-submit": "action-submit",
        }
    )


# persona × (own village A's page, sibling village B's page)
MATRIX = [
    ("committee_a", True, False),
    ("committee_b", False, True),
    ("resident_a", False, False),
    ("staff", False, False),
    ("editor", False, False),
    ("outsider", False, False),
]


@pytest.mark.parametrize(("persona", "may_edit_a", "may_edit_b"), MATRIX)
def test_who_may_edit_which_rules_page(
    client: Any, site: Site, world: Any, persona: str, may_edit_a: bool, may_edit_b: bool
) -> None:
    page_a = rules_page(site, world.village_a, "村A村规民约")
    page_b = rules_page(site, world.village_b, "村B村规民约")
    user = world.persona(persona)
    client.force_login(user)
    for page, allowed in ((page_a, may_edit_a), (page_b, may_edit_b)):
        assert page.permissions_for_user(user).can_edit() is allowed
        assert not page.permissions_for_user(user).can_publish()
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form(page, "改过的标题")
        )
        assert response.status_code == 302
        latest = VillageRulesPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        assert (latest.title == "改过的标题") is allowed


def test_a_committee_member_is_told_they_may_not_edit_another_village(
    client: Any, site: Site, world: Any
) -> None:
    page_b = rules_page(site, world.village_b)
    client.force_login(world.committee_a)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page_b.pk]), follow=True)
    assert "没有权限" in response.content.decode()


def test_a_committee_edit_is_submitted_for_approval_not_published(
    client: Any, site: Site, world: Any
) -> None:
    page = rules_page(site, world.village_a, "村A村规民约")
    client.force_login(world.committee_a)
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form(page, "新版"))
    page.refresh_from_db()
    assert page.title == "村A村规民约"
    assert page.workflow_in_progress


def test_a_new_committee_member_gains_and_a_revoked_one_loses_the_right(
    site: Site, world: Any
) -> None:
    page = rules_page(site, world.village_a)
    newcomer = UserFactory()
    grant_membership(user=newcomer, region=world.village_a, role=Role.COMMITTEE)
    assert page.permissions_for_user(newcomer).can_edit()
    membership = world.committee_a.memberships.get(role=Role.COMMITTEE)
    revoke_membership(world.staff, membership.pk, reason="换届")
    fresh = VillageRulesPage.objects.get(pk=page.pk)
    assert not fresh.permissions_for_user(
        type(world.committee_a).objects.get(pk=world.committee_a.pk)
    ).can_edit()
    assert AuditEntry.objects.filter(verb="cms.rules_editors_synced").exists()


def test_one_rules_page_per_village(client: Any, site: Site, world: Any) -> None:
    rules_page(site, world.village_a)
    client.force_login(world.admin)
    data = nested_form_data(
        {
            "title": "重复的村规民约",
            "slug": "dup",
            "village": world.village_a.pk,
            "body": streamfield([("paragraph", rich_text("<p>第一条</p>"))]),
            "action-publish": "action-publish",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["cms", "villagerulespage", site.rules.pk])
    response = client.post(add, data)
    assert response.status_code == 200
    assert "village" in response.context["form"].errors
    assert not VillageRulesPage.objects.filter(slug="dup").exists()


def test_the_rules_page_shows_the_village_and_its_content(
    client: Any, site: Site, world: Any
) -> None:
    from tests.cms.conftest import article

    page = rules_page(site, world.village_a, "村A村规民约")
    article(site.legal, "给村A的普法文章", regions=(world.village_a,))
    article(site.legal, "给村B的普法文章", regions=(world.village_b,))
    html = client.get(page.url).content.decode()
    assert "村A" in html and "给村A的普法文章" in html and "给村B的普法文章" not in html
