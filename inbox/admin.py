from django.contrib import admin

from inbox.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "event", "text", "created", "read_at")
    list_select_related = ("user",)
