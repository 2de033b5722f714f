"""Keep Wagtail groups in step with memberships and new village rules pages."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import Membership, Role
from cms import actions
from cms.models import VillageRulesPage


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender: Any, instance: Membership, **kwargs: Any) -> None:
    if instance.role == Role.COMMITTEE:
        actions.sync_rules_editors_for_village(instance.region_id)
    elif instance.role == Role.EDITOR:
        actions.sync_editor_group(instance.user)


@receiver(post_save, sender=VillageRulesPage)
def rules_page_saved(sender: Any, instance: VillageRulesPage, **kwargs: Any) -> None:
    actions.sync_rules_editors(instance)
