"""The demo content: every section filled, revisions kept, a second run creates nothing."""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Revision

from accounts.models import User
from cms import editorial
from cms.models import ArticlePage, ExemplarPage, LegalQAPage, SectionIndexPage, VillageRulesPage

pytestmark = pytest.mark.django_db


def test_the_demo_fills_every_section_and_is_idempotent(client: Any) -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Page.objects.count(), Revision.objects.count(), Group.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (Page.objects.count(), Revision.objects.count(), Group.objects.count())

    moral = SectionIndexPage.objects.get(kind="moral")
    legal = SectionIndexPage.objects.get(kind="legal")
    assert ArticlePage.objects.child_of(moral).live().count() >= 3
    assert ArticlePage.objects.child_of(legal).live().count() >= 3
    assert ExemplarPage.objects.live().count() == 2
    qa = LegalQAPage.objects.get()
    assert sum(1 for block in qa.questions if block.block_type == "qa") == 6
    assert "人民调解" in qa.title
    assert VillageRulesPage.objects.get().village.name == "幸福村"
    assert SectionIndexPage.objects.filter(kind__in=["notice", "party"]).count() == 2
    assert all(page.revisions.exists() for page in ArticlePage.objects.all())

    editor1 = User.objects.get(username="editor1")
    assert editor1.groups.filter(name=editorial.EDITORS).exists()
    admin = User.objects.get(username="admin")
    assert set(admin.groups.values_list("name", flat=True)) >= {
        editorial.EDITORS,
        editorial.MODERATORS,
    }
    committee1 = User.objects.get(username="committee1")
    assert VillageRulesPage.objects.get().permissions_for_user(committee1).can_edit()

    for url in [
        "/",
        "/dezhi/",
        "/fazhi/",
        "/fazhi/falv-wenda/",
        "/cunguiminyue/xingfu/",
        "/content/?q=调解",
    ]:
        assert client.get(url, HTTP_HOST="localhost").status_code == 200, url
