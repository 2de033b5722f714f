"""Staff edit the category list here; proposals are read-only (they change through actions)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from proposals.models import Category, Proposal, VillageSettings


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "position", "active")
    list_editable = ("position", "active")


@admin.register(VillageSettings)
class VillageSettingsAdmin(admin.ModelAdmin):
    list_display = ("region", "support_threshold")


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("title", "region", "state", "support_count", "created")
    list_filter = ("state", "category")
    search_fields = ("title",)
    list_select_related = ("region",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
