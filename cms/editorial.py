"""The editorial set-up: who may write where, and who approves publishing.

    宣传员   (editors)    add and edit pages in the content sections; cannot publish
    宣传审核 (moderators) approve the workflow task, which publishes; may also publish
    村规民约编辑 · <village> (one group per village) edit that village's rules page only

Membership stays the source of truth: approved `editor` memberships put a person in
宣传员 (see cms/actions.py). Everything here is idempotent: seed runs it every time.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "宣传员"
MODERATORS = "宣传审核"
WORKFLOW_NAME = "宣传审核流程"
TASK_NAME = "宣传审核员审批"
RULES_GROUP_PREFIX = "村规民约编辑"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
RULES_EDITOR_PAGE_PERMISSIONS = ("change_page",)
# Collections: editors upload and choose images and documents.
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_admin_access(group: Group) -> None:
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


def grant_page_permissions(group: Group, page: Page, codenames: tuple[str, ...]) -> None:
    for codename in codenames:
        permission = _permission("wagtailcore", codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _media_permissions(group: Group) -> None:
    from wagtail.models import Collection, GroupCollectionPermission

    # Wagtail's migration makes the root collection; a flushed database has none.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(app_label, codename)
        )


def ensure_groups() -> tuple[Group, Group]:
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for group in (editors, moderators):
        ensure_admin_access(group)
        _media_permissions(group)
    return editors, moderators


def ensure_workflow(moderators: Group) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def editorial_pages() -> QuerySet[Page]:
    """The sections and the village rules index: where the workflow applies."""
    from cms.models import SectionIndexPage, VillageRulesIndexPage

    return Page.objects.type(SectionIndexPage, VillageRulesIndexPage)


def ensure_editorial_setup() -> None:
    """Groups, their page permissions on every section, and the approval workflow."""
    from cms.models import SectionIndexPage

    editors, moderators = ensure_groups()
    workflow = ensure_workflow(moderators)
    for page in editorial_pages():
        if page.specific_class is SectionIndexPage:
            grant_page_permissions(editors, page, EDITOR_PAGE_PERMISSIONS)
        grant_page_permissions(moderators, page, MODERATOR_PAGE_PERMISSIONS)
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
