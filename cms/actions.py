"""Writes about who may edit content, derived from memberships (the source of truth).

Wagtail's own admin handles the page edits themselves.
"""

from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupPagePermission

from accounts.actions import committee_of
from accounts.models import Membership, MembershipStatus, Region, Role
from cms import editorial
from cms.models import VillageRulesPage
from core import audit


def rules_group_name(village: Region) -> str:
    return f"{editorial.RULES_GROUP_PREFIX} · {village.name} #{village.pk}"


def sync_rules_editors(page: VillageRulesPage, *, actor: Any = None) -> Group:
    """The village's approved committee members, and only they, may edit its rules page."""
    village = page.village
    with transaction.atomic():
        group, _ = Group.objects.get_or_create(name=rules_group_name(village))
        editorial.ensure_admin_access(group)
        editorial.grant_page_permissions(group, page, editorial.RULES_EDITOR_PAGE_PERMISSIONS)
        # A page moved to another village leaves the old village's group behind.
        GroupPagePermission.objects.filter(
            page=page, group__name__startswith=editorial.RULES_GROUP_PREFIX
        ).exclude(group=group).delete()
        wanted = set(committee_of(village))
        current = set(group.user_set.values_list("pk", flat=True))
        if wanted != current:
            group.user_set.remove(*(current - wanted))
            group.user_set.add(*(wanted - current))
            audit.record(
                actor,
                "cms.rules_editors_synced",
                page,
                region=village,
                added=sorted(wanted - current),
                removed=sorted(current - wanted),
            )
    return group


def sync_rules_editors_for_village(village_id: int, *, actor: Any = None) -> None:
    page = VillageRulesPage.objects.filter(village_id=village_id).select_related("village").first()
    if page is not None:
        sync_rules_editors(page, actor=actor)


def follow_membership(membership: Membership, actor: Any = None) -> None:
    """Registered with accounts.hooks: the membership actions call it on every change."""
    if membership.role == Role.COMMITTEE:
        sync_rules_editors_for_village(membership.region_id, actor=actor)
    elif membership.role == Role.EDITOR:
        sync_editor_group(membership.user, actor=actor)


def sync_editor_group(user: Any, *, actor: Any = None) -> None:
    """An approved `editor` membership puts the person in 宣传员; losing it takes them out."""
    group, _ = Group.objects.get_or_create(name=editorial.EDITORS)
    is_editor = Membership.objects.filter(
        user=user, role=Role.EDITOR, status=MembershipStatus.APPROVED
    ).exists()
    in_group = group.user_set.filter(pk=user.pk).exists()
    if is_editor == in_group:
        return
    with transaction.atomic():
        (group.user_set.add if is_editor else group.user_set.remove)(user)
        audit.record(actor, "cms.editor_group_synced", user, member=is_editor)
