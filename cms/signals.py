"""Keep a village's rules editors in step with its rules page, however the page is saved
(Wagtail's admin writes pages itself). Memberships call cms.actions.follow_membership
explicitly, through accounts.hooks."""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from cms import actions
from cms.models import VillageRulesPage


@receiver(post_save, sender=VillageRulesPage)
def rules_page_saved(sender: Any, instance: VillageRulesPage, **kwargs: Any) -> None:
    actions.sync_rules_editors(instance)
