"""Publishing goes through 宣传审核: editors write and submit, moderators approve.

A matrix of persona × action on a section page, then the whole path through the admin.
"""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.actions import grant_membership, revoke_membership
from accounts.models import Role
from cms import editorial
from cms.models import ArticlePage
from tests.cms.conftest import Site, article

pytestmark = pytest.mark.django_db


def new_article(slug: str = "new", action: str = "action-submit") -> dict[str, Any]:
    return nested_form_data(
        {
            "title": "新文章：人民调解",
            "slug": slug,
            "body": streamfield([("paragraph", rich_text("<p>调解不收费。</p>"))]),
            action: action,
        }
    )


def add_url(parent: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=["cms", "articlepage", parent.pk])


PERSONAS = ["editor", "moderator", "committee_a", "resident_a", "staff", "outsider"]
# persona: (may add in a section, may edit in a section, may publish in a section)
EXPECTED = {
    "editor": (True, True, False),
    "moderator": (True, True, True),
    "committee_a": (False, False, False),
    "resident_a": (False, False, False),
    "staff": (False, False, False),
    "outsider": (False, False, False),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_section_permissions_per_persona(
    site: Site, world: Any, moderator: Any, persona: str
) -> None:
    user = moderator if persona == "moderator" else world.persona(persona)
    page = article(site.legal, "已有文章", "内容")
    may_add, may_edit, may_publish = EXPECTED[persona]
    section_perms = site.legal.permissions_for_user(user)
    page_perms = page.permissions_for_user(user)
    assert section_perms.can_add_subpage() is may_add
    assert page_perms.can_edit() is may_edit
    assert page_perms.can_publish() is may_publish
    assert section_perms.can_publish_subpage() is may_publish


def test_the_sections_are_under_the_approval_workflow(site: Site) -> None:
    for page in (site.legal, site.moral, site.rules):
        workflow = Page.objects.get(pk=page.pk).get_workflow()
        assert workflow is not None and workflow.name == editorial.WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [editorial.MODERATORS]


def test_an_editors_submission_waits_for_approval_and_the_approval_publishes(
    client: Any, site: Site, world: Any, moderator: Any
) -> None:
    client.force_login(world.editor)
    response = client.post(add_url(site.legal), new_article())
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="new")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(page.url or "/fazhi/new/").status_code == 404

    client.force_login(moderator)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve, {"comment": "同意发布"}).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_an_editor_cannot_approve_their_own_submission(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.editor)
    client.post(add_url(site.legal), new_article())
    page = ArticlePage.objects.get(slug="new")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live


def test_an_editor_publishing_directly_is_refused_with_a_message(
    client: Any, site: Site, world: Any
) -> None:
    client.force_login(world.editor)
    response = client.post(add_url(site.legal), new_article(action="action-publish"), follow=True)
    assert not ArticlePage.objects.filter(slug="new").exists()
    assert any("不能直接发布" in str(m) for m in response.context["messages"])


def test_an_editor_publishing_an_edit_directly_is_refused(
    client: Any, site: Site, world: Any
) -> None:
    page = article(site.legal, "已发布的文章", "旧内容")
    client.force_login(world.editor)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "偷偷改的标题",
            "slug": page.slug,
            "body": streamfield([("paragraph", rich_text("<p>新内容</p>"))]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(edit, data, follow=True)
    page.refresh_from_db()
    assert page.title == "已发布的文章"
    assert page.revisions.count() == 1
    assert any("不能直接发布" in str(m) for m in response.context["messages"])


def test_a_moderator_may_publish_directly(
    client: Any, site: Site, world: Any, moderator: Any
) -> None:
    client.force_login(moderator)
    assert client.post(add_url(site.legal), new_article(action="action-publish")).status_code == 302
    assert ArticlePage.objects.get(slug="new").live


def test_editor_group_membership_follows_the_editor_membership(world: Any, site: Site) -> None:
    editors = Group.objects.get(name=editorial.EDITORS)
    assert editors.user_set.filter(pk=world.editor.pk).exists()
    assert not editors.user_set.filter(pk=world.resident_a.pk).exists()
    revoke_membership(world.admin, world.editor.memberships.get().pk, reason="调岗")
    assert not editors.user_set.filter(pk=world.editor.pk).exists()
    grant_membership(user=world.editor, region=world.regions["city"], role=Role.EDITOR)
    assert editors.user_set.filter(pk=world.editor.pk).exists()


def test_the_editorial_setup_is_idempotent(site: Site) -> None:
    from wagtail.models import GroupPagePermission, Workflow

    counts = (GroupPagePermission.objects.count(), Workflow.objects.count(), Group.objects.count())
    editorial.ensure_editorial_setup()
    assert counts == (
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        Group.objects.count(),
    )
