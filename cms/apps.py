from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self) -> None:
        from accounts.hooks import on_membership_change
        from cms import setup, signals  # noqa: F401 - registers the setup step, connects receivers
        from cms.actions import follow_membership

        on_membership_change(follow_membership)
