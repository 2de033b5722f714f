from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from accounts.actions import grant_membership
from accounts.models import Membership, Region, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "display_name", "phone", "is_staff", "is_active")
    search_fields = ("username", "display_name", "phone", "email")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Phone and name"), {"fields": ("phone", "phone_verified", "display_name")}),
    )


@admin.register(Region)
class RegionAdmin(TreeAdmin):
    form = movenodeform_factory(Region)
    list_display = ("name", "kind", "code")
    search_fields = ("name",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "region", "role", "status", "created")
    list_filter = ("role", "status")
    list_select_related = ("user", "region")
    raw_id_fields = ("user",)
    fields = ("user", "region", "role")

    # Decisions go through accounts.actions (audit + notification); the admin may only
    # grant a role, which is itself an action.
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        granted = grant_membership(
            user=obj.user, region=obj.region, role=obj.role, actor=request.user
        )
        obj.pk = granted.pk
